/**
 * The electronic temporary travel identity proof (电子临时乘车身份证明, rules E1–E6, docs/etp.md): QR decoding from
 * images and scanner text, offline verification against the trust list, and issuing for training and tests.
 * Depends only on {@code identity}.
 */
package org.ticketwindow.idcheck.etp;
