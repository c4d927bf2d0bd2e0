package org.noticeboard.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A fingerprint of every table Flyway made (content, users, tokens, counts, redirects, the time content last
 * changed): two snapshots are equal exactly when no row was added, removed or changed in between. Tables added
 * by later migrations are in it without changing this class.
 */
@ApplicationScoped
public class DatabaseSnapshot {

    private final AgroalDataSource dataSource;
    private String query;

    DatabaseSnapshot(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each table's name and a hash of all its rows. */
    public Map<String, String> take() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (query == null) {
                query = query(statement);
            }
            Map<String, String> hashes = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose rows differ between two snapshots. */
    public static String differences(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table)))
                .collect(Collectors.joining(", "));
    }

    private static String query(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name <> 'flyway_schema_history'
                order by table_name""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables.stream()
                .map(table -> "select '" + table + "', md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "
                        + table + " t")
                .collect(Collectors.joining(" union all "));
    }
}
