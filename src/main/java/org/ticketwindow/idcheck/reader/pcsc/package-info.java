/**
 * The GA 467 protocol through PC/SC ({@code javax.smartcardio}): the Routon-style {@code FF 98 CMD PARA} pass-through
 * with chunked reads (docs/protocol.md §4.2), the chip serial {@code 00 36 00 00 08}, hot-plug by polling, and
 * recovery from a restarted PC/SC service.
 */
package org.ticketwindow.idcheck.reader.pcsc;
