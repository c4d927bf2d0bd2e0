package org.noticeboard.database;

/**
 * Where the embedded PostgreSQL keeps its data and which database the application uses.
 *
 * @param directory    data directory; empty for a throw-away directory (tests)
 * @param databaseName database created on first use
 * @param port         0 for any free port
 */
record EmbeddedPostgresSettings(String directory, String databaseName, int port) {
}
