/**
 * The product's texts in one place (decision 0016): {@link Texts} reads the bundles {@code i18n/messages} (the
 * console's screens) and {@code i18n/domain} (what the domain names: enum constants, rule reasons, faults), Chinese
 * first, English second. Domain types carry ids and arguments ({@link Text}, or an enum constant), never sentences;
 * the console, the CLI and the central render them here. Depends on nothing of ours and on no UI toolkit.
 */
package org.ticketwindow.idcheck.text;
