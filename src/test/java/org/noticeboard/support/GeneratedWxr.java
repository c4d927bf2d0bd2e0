package org.noticeboard.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WordPress export of any size, written as a stream: posts in five categories, each with a body of about the given
 * size and one approved comment, and a page for every hundred posts. For imports larger than memory or a request.
 */
public final class GeneratedWxr {

    private GeneratedWxr() {
    }

    /** For bench/import-wordpress: {@code java GeneratedWxr.java FILE POSTS BODY_BYTES}, needing only the JDK. */
    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    public static Path write(Path file, int posts, int bodyBytes) {
        try (OutputStream out = Files.newOutputStream(file);
             Writer xml = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write(xml, posts, bodyBytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer xml, int posts, int bodyBytes) throws IOException {
        xml.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                	xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                	<title>Generated site</title>
                	<link>https://generated.example.org</link>
                	<wp:wxr_version>1.2</wp:wxr_version>
                	<wp:base_site_url>https://generated.example.org</wp:base_site_url>
                	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Site Admin]]></wp:author_display_name></wp:author>
                """);
        for (int c = 1; c <= 5; c++) {
            xml.write("\t<wp:category><wp:term_id>" + c + "</wp:term_id><wp:category_nicename><![CDATA[topic-" + c
                    + "]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Topic "
                    + c + "]]></wp:cat_name></wp:category>\n");
        }
        String sentence = "<p>Volunteers from the centre met on the green to plan the summer fair, the café rota and "
                + "the minibus timetable for the coming months.</p>\n";
        String body = sentence.repeat(Math.max(1, bodyBytes / sentence.length()));
        for (int i = 1; i <= posts; i++) {
            long id = 1000L + i;
            String date = String.format("20%02d-%02d-%02d 09:00:00", 10 + (i % 15), 1 + (i % 12), 1 + (i % 28));
            xml.write("\t<item>\n\t\t<title><![CDATA[Generated post " + i + "]]></title>\n"
                    + "\t\t<link>https://generated.example.org/generated-post-" + i + "/</link>\n"
                    + "\t\t<dc:creator><![CDATA[admin]]></dc:creator>\n"
                    + "\t\t<content:encoded><![CDATA[" + body + "]]></content:encoded>\n"
                    + "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
                    + "\t\t<wp:post_id>" + id + "</wp:post_id>\n"
                    + "\t\t<wp:post_date_gmt><![CDATA[" + date + "]]></wp:post_date_gmt>\n"
                    + "\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
                    + "\t\t<wp:post_name><![CDATA[generated-post-" + i + "]]></wp:post_name>\n"
                    + "\t\t<wp:status><![CDATA[publish]]></wp:status>\n"
                    + "\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n"
                    + "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
                    + "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
                    + "\t\t<category domain=\"category\" nicename=\"topic-" + (1 + i % 5) + "\"><![CDATA[Topic "
                    + (1 + i % 5) + "]]></category>\n"
                    + "\t\t<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[Reader "
                    + i + "]]></wp:comment_author><wp:comment_author_email><![CDATA[reader" + i
                    + "@example.net]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[" + date
                    + "]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Thank you for this.]]></wp:comment_content>"
                    + "<wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]>"
                    + "</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>\n"
                    + "\t</item>\n");
            if (i % 100 == 0) {
                xml.write("\t<item><title><![CDATA[Page " + i / 100 + "]]></title><content:encoded><![CDATA[" + sentence
                        + "]]></content:encoded><wp:post_id>" + i / 100 + "</wp:post_id><wp:post_name><![CDATA[page-"
                        + i / 100 + "]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0"
                        + "</wp:post_parent><wp:menu_order>" + i / 100 + "</wp:menu_order><wp:post_type><![CDATA[page]]>"
                        + "</wp:post_type></item>\n");
            }
        }
        xml.write("</channel>\n</rss>\n");
    }
}
