/**
 * The chip photo: the card's 1024-byte WLT bytes in, a decoded 102 × 126 image or a reason out ({@link
 * org.ticketwindow.idcheck.photo.PhotoDecoder}). The reader vendor's library runs in a helper process of our own
 * ({@link org.ticketwindow.idcheck.photo.IsolatedDecoder}); training cards carry drawn portraits ({@link
 * org.ticketwindow.idcheck.photo.TrainingPortraits}). Depends on {@code identity} only. Decision 0011-p.
 */
package org.ticketwindow.idcheck.photo;
