package org.ticketwindow.idcheck.reader;

/**
 * A serial port the operating system lists, as a profile's match rules see it (ptys never appear in the list: a typed
 * path is always accepted as well). {@code vendorId}/{@code productId} are negative when the port is not USB.
 */
public record PortInfo(String path, String description, int vendorId, int productId) {}
