package org.noticeboard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads the text capture of the reference site's news page, independently of the demo loader. */
final class ReferenceCapture {

    record MenuEntry(String label, List<MenuEntry> children) {
    }

    private final List<String> lines;

    ReferenceCapture() {
        try (InputStream in = getClass().getResourceAsStream("/reference/bprcvs-news-page.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String siteName() {
        return lines.get(0).strip();
    }

    /** The first of the capture's two identical navigation blocks (desktop, then mobile). */
    List<MenuEntry> menu() {
        int start = lines.indexOf("  • Home");
        int end = lines.subList(start + 1, lines.size()).indexOf("  • Home") + start + 1;
        List<MenuEntry> roots = new ArrayList<>();
        Deque<Level> open = new ArrayDeque<>();
        for (String line : lines.subList(start, end)) {
            int depth = (line.indexOf('•')) / 2;
            String label = line.substring(line.indexOf('•') + 1).strip().replaceAll("\\s*>$", "");
            MenuEntry entry = new MenuEntry(label, new ArrayList<>());
            while (!open.isEmpty() && open.peek().depth() >= depth) {
                open.pop();
            }
            (open.isEmpty() ? roots : open.peek().entry().children()).add(entry);
            open.push(new Level(depth, entry));
        }
        return roots;
    }

    /** The sidebar's "Categories" list, without its "All" link. */
    List<String> sidebarCategories() {
        int start = lines.indexOf("    Categories") + 1;
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            String name = line.strip();
            if (name.equals("RSS Feed")) {
                break;
            }
            if (!name.isEmpty() && !name.equals("All")) {
                names.add(name);
            }
        }
        return names;
    }

    String authorBox() {
        return lines.get(lines.indexOf("    Author") + 2).strip();
    }

    String text() {
        return String.join("\n", lines);
    }

    private record Level(int depth, MenuEntry entry) {
    }
}
