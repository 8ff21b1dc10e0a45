/**
 * How every file a person writes is checked: problems are collected, each as {@code file: key: reason}, and reported
 * all at once. Depends on nothing of ours, so the reader's profiles, the installation file and the command line's case
 * files share it (docs/decisions/0015-one-validation-collector.md).
 */
package org.ticketwindow.idcheck.validation;
