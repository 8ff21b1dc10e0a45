/**
 * What a counter installation is made of, below the two front ends ({@code cli} and {@code ui}, which wire it): where
 * data lives ({@code IDCHECK_HOME} and the installed layout), the installation file, where hardware profiles come
 * from, logging, training mode, the diagnostics bundle and {@code idcheck doctor}.
 */
package org.ticketwindow.idcheck.app;
