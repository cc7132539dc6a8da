package org.expodesk.badge;

import com.google.zxing.common.BitMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.exhibition.ExhibitionService;
import org.jboss.logging.Logger;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Printable badges with Apache PDFBox: the name large, the organization, the QR code (drawn as
 * vector squares, sharp at any printer resolution), a band in the category's colour with its label,
 * the edition's name and the valid days. Latin text in Liberation Sans (shipped inside PDFBox),
 * Chinese in a CJK TrueType font from the system, both embedded as subsets (docs/badges.md).
 */
@ApplicationScoped
public class BadgePdfs {

    /** Page formats: A6 portrait, and a 4 × 3 inch label, landscape, for label printers. */
    public enum Layout {
        A6(PDRectangle.A6.getWidth(), PDRectangle.A6.getHeight()),
        LABEL_4X3(4 * 72f, 3 * 72f);

        final float width;
        final float height;

        Layout(float width, float height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Fonts tried in turn when {@code expodesk.badge.font} is not set: TrueType outlines, CJK included. */
    static final List<Path> DEFAULT_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    @ConfigProperty(name = "expodesk.badge.font")
    Optional<String> configuredFont;

    @Inject
    ExhibitionService exhibitions;

    private static final Logger LOG = Logger.getLogger(BadgePdfs.class);

    private final AtomicReference<byte[]> fontBytes = new AtomicReference<>();
    private final AtomicReference<byte[]> latinBytes = new AtomicReference<>();
    /*
     * Parsed fonts not in use: parsing the CJK font again for every PDF took about three quarters of
     * a one-badge PDF (a mail's attachment). A parsed font is read while its document is saved, so
     * each is lent to one document at a time; a burst of PDFs made at once parses more, of which
     * IDLE_FONTS of each are kept (a CJK font holds its whole file).
     */
    private final Queue<TrueTypeFont> idleLatin = new ConcurrentLinkedQueue<>();
    private final Queue<TrueTypeFont> idleCjk = new ConcurrentLinkedQueue<>();
    private static final int IDLE_FONTS = 4;
    private volatile boolean warnedNoCjkFont;

    /** One badge as a one-page PDF. */
    public byte[] one(Badge badge, Layout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        many(List.of(badge), layout, out);
        return out.toByteArray();
    }

    /**
     * Many badges as one PDF, a page each, written to {@code out}. Page contents go to a temporary
     * file as they are made, so memory stays bounded by the pages' small dictionaries.
     */
    public void many(List<Badge> badges, Layout layout, OutputStream out) {
        many(badges, layout, out, drawn -> {
        });
    }

    /** As {@link #many(List, Layout, OutputStream)}, telling {@code progress} the number of pages drawn after each page. */
    public void many(List<Badge> badges, Layout layout, OutputStream out, java.util.function.IntConsumer progress) {
        Map<Long, String> editionNames = new HashMap<>();
        TrueTypeFont latin = null;
        TrueTypeFont cjk = null;
        boolean drawn = false;
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            latin = borrowLatin();
            cjk = borrowCjk();
            Script script = new Script(cjk == null ? List.of(latin) : List.of(latin, cjk));
            List<Set<Integer>> used = new ArrayList<>();
            script.fonts.forEach(f -> used.add(new HashSet<>()));
            for (Badge b : badges) {
                Lines.of(b, editionNames.computeIfAbsent(b.exhibitionId, id -> exhibitions.get(id).name))
                        .forEach(text -> script.runs(text).forEach(run -> run.text.codePoints().forEach(used.get(run.font)::add)));
            }
            PDType0Font[] fonts = new PDType0Font[script.fonts.size()];
            for (int i = 0; i < fonts.length; i++) {
                fonts[i] = used.get(i).isEmpty() ? null : embedCut(doc, script.fonts.get(i), used.get(i));
            }
            for (Badge b : badges) {
                PDPage page = new PDPage(new PDRectangle(layout.width, layout.height));
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    new Drawing(s, script, fonts, layout).badge(b, Lines.of(b, editionNames.get(b.exhibitionId)));
                }
                progress.accept(doc.getNumberOfPages());
            }
            doc.save(out);
            drawn = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // a font whose document failed is not trusted again, nor kept beyond the few a sender reuses
            giveBack(idleLatin, latin, drawn);
            giveBack(idleCjk, cjk, drawn);
        }
    }

    /** What a cut font keeps: the outlines and metrics, hints, and what PDFBox reads to embed it (cmap, names). */
    private static final List<String> CUT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "cmap", "post", "OS/2", "name");

    /**
     * The font cut down to the characters this document shows, embedded whole. Embedded as a subset
     * instead, PDFBox first lists the widths of every glyph of the font (49,000 in the CJK font) and
     * applies its ligature rules to every text shown: two thirds of a one-badge PDF, the attachment
     * of every confirmation mail (docs/badges.md). The cut font has no ligature rules (a badge needs none).
     */
    private static PDType0Font embedCut(PDDocument doc, TrueTypeFont font, Set<Integer> codePoints) throws IOException {
        if (codePoints.stream().anyMatch(cp -> cp > 0xFFFF)) {
            // the cutter writes a cmap of the basic plane only: PDFBox subsets this document's font itself
            return PDType0Font.load(doc, font, true);
        }
        TTFSubsetter cut = new TTFSubsetter(font, CUT_TABLES);
        cut.addAll(codePoints);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        cut.writeToStream(bytes);
        return PDType0Font.load(doc, new java.io.ByteArrayInputStream(bytes.toByteArray()), false);
    }

    private TrueTypeFont borrowLatin() throws IOException {
        TrueTypeFont font = idleLatin.poll();
        return font != null ? font : new TTFParser().parse(new RandomAccessReadBuffer(latinBytes()));
    }

    private TrueTypeFont borrowCjk() throws IOException {
        TrueTypeFont font = idleCjk.poll();
        return font != null ? font : cjkFont();
    }

    private static void giveBack(Queue<TrueTypeFont> idle, TrueTypeFont font, boolean usable) {
        if (font == null) {
            return;
        }
        // the size is a bound, not exact: two documents ending at once may keep one more
        if (usable && idle.size() < IDLE_FONTS) {
            idle.add(font);
            return;
        }
        try {
            font.close();
        } catch (IOException e) {
            LOG.debug("closing a font", e);
        }
    }

    /** What a badge's page says: gathered before drawing, so the document's fonts hold exactly these characters. */
    private record Lines(String edition, String days, String holder, String organization, String category) {
        static Lines of(Badge b, String edition) {
            return new Lines(edition, days(b.firstDay, b.lastDay), b.holderName, b.organizationName,
                    b.categoryLabel.toUpperCase(java.util.Locale.ROOT));
        }

        void forEach(java.util.function.Consumer<String> each) {
            each.accept(edition);
            each.accept(days);
            each.accept(holder);
            if (organization != null) {
                each.accept(organization);
            }
            each.accept(category);
        }

        private static String days(LocalDate first, LocalDate last) {
            return first.equals(last) ? first.toString() : first + " – " + last;
        }
    }

    /** Text cut into runs of one font each: the number of the font in {@link Script#fonts} and the characters. */
    private record Run(int font, String text) {
    }

    /**
     * Which font draws each character: the first that has it. One that no font has becomes "?" instead
     * of failing the whole PDF; controls become spaces.
     */
    private static final class Script {
        final List<TrueTypeFont> fonts;
        private final List<CmapLookup> cmaps = new ArrayList<>();

        Script(List<TrueTypeFont> fonts) throws IOException {
            this.fonts = fonts;
            for (TrueTypeFont f : fonts) {
                cmaps.add(f.getUnicodeCmapLookup());
            }
        }

        List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            int current = -1;
            StringBuilder run = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                int c = Character.isISOControl(cp) || Character.isWhitespace(cp) ? ' ' : cp;
                int font = -1;
                for (int i = 0; i < cmaps.size(); i++) {
                    if (cmaps.get(i).getGlyphId(c) != 0) {
                        font = i;
                        break;
                    }
                }
                if (font < 0) {
                    c = '?';
                    font = 0;
                }
                if (font != current && run.length() > 0) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.appendCodePoint(c);
            }
            if (run.length() > 0) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }
    }

    /** Liberation Sans, which PDFBox itself ships, for Latin text: the CJK fonts lack or botch it. */
    private byte[] latinBytes() throws IOException {
        byte[] bytes = latinBytes.get();
        if (bytes == null) {
            try (var in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox no longer ships LiberationSans-Regular.ttf");
                }
                bytes = in.readAllBytes();
            }
            latinBytes.set(bytes);
        }
        return bytes;
    }

    /** The CJK font, or null (logged once) when none is installed: such characters print as "?". */
    private TrueTypeFont cjkFont() throws IOException {
        Path path;
        try {
            path = fontPath();
        } catch (IllegalStateException e) {
            if (!warnedNoCjkFont) {
                warnedNoCjkFont = true;
                LOG.warn(e.getMessage());
            }
            return null;
        }
        return parseFont(path);
    }

    private TrueTypeFont parseFont(Path path) throws IOException {
        byte[] bytes = fontBytes.get();
        if (bytes == null) {
            bytes = Files.readAllBytes(path);
            fontBytes.set(bytes);
        }
        if (bytes.length > 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f') {
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            return first.get();
        }
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    Path fontPath() {
        if (configuredFont.isPresent() && !configuredFont.get().isBlank()) {
            Path p = Path.of(configuredFont.get().trim());
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("expodesk.badge.font (EXPODESK_BADGE_FONT) names " + p
                        + ", which cannot be read");
            }
            return p;
        }
        return DEFAULT_FONTS.stream().filter(Files::isReadable).findFirst().orElseThrow(() ->
                new IllegalStateException("No CJK TrueType font for badges: install the Debian package "
                        + "fonts-droid-fallback (or fonts-wqy-microhei), or set EXPODESK_BADGE_FONT (docs/badges.md)"));
    }

    /** Draws one badge on one page. Coordinates in points from the bottom left. */
    private static final class Drawing {
        private final PDPageContentStream s;
        private final Script script;
        private final PDType0Font[] fonts;
        private final Layout layout;

        Drawing(PDPageContentStream s, Script script, PDType0Font[] fonts, Layout layout) {
            this.s = s;
            this.script = script;
            this.fonts = fonts;
            this.layout = layout;
        }

        void badge(Badge b, Lines lines) throws IOException {
            float w = layout.width;
            float h = layout.height;
            float margin = layout == Layout.A6 ? 18 : 10;
            float band = layout == Layout.A6 ? 52 : 34;
            Color colour = Color.decode(b.categoryColour);
            s.setNonStrokingColor(colour);
            s.addRect(0, 0, w, band);
            s.fill();
            s.setNonStrokingColor(luminance(colour) > 0.55 ? Color.BLACK : Color.WHITE);
            centred(lines.category(), w / 2, band / 2 - 7, w - 2 * margin, layout == Layout.A6 ? 20 : 14);
            s.setNonStrokingColor(Color.DARK_GRAY);
            if (layout == Layout.A6) {
                centred(lines.edition(), w / 2, h - margin - 12, w - 2 * margin, 12);
                centred(lines.days(), w / 2, h - margin - 28, w - 2 * margin, 10);
                s.setNonStrokingColor(Color.BLACK);
                centred(lines.holder(), w / 2, h - 110, w - 2 * margin, 30);
                if (lines.organization() != null) {
                    centred(lines.organization(), w / 2, h - 140, w - 2 * margin, 16);
                }
                qr(b.code, (w - 150) / 2, band + 20, 150);
            } else {
                float qrSize = h - band - 2 * 8;
                float textWidth = w - qrSize - 3 * margin;
                left(lines.edition(), margin, h - margin - 8, textWidth, 9);
                left(lines.days(), margin, h - margin - 20, textWidth, 8);
                s.setNonStrokingColor(Color.BLACK);
                left(lines.holder(), margin, h - 70, textWidth, 22);
                if (lines.organization() != null) {
                    left(lines.organization(), margin, h - 95, textWidth, 12);
                }
                qr(b.code, w - qrSize - margin + 4, band + 6, qrSize - 4);
            }
        }

        private void qr(String code, float x, float y, float size) throws IOException {
            BitMatrix m = BadgeQr.matrix(code);
            float module = size / m.getWidth();
            s.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < m.getHeight(); row++) {
                int col = 0;
                while (col < m.getWidth()) {
                    if (!m.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < m.getWidth() && m.get(col, row)) {
                        col++;
                    }
                    s.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
                }
            }
            s.fill();
        }

        private void centred(String text, float centre, float baseline, float maxWidth, float size) throws IOException {
            List<Run> runs = script.runs(text);
            float fitted = fit(runs, maxWidth, size);
            show(runs, centre - width(runs, fitted) / 2, baseline, fitted);
        }

        private void left(String text, float x, float baseline, float maxWidth, float size) throws IOException {
            List<Run> runs = script.runs(text);
            show(runs, x, baseline, fit(runs, maxWidth, size));
        }

        private void show(List<Run> runs, float x, float y, float size) throws IOException {
            s.beginText();
            s.newLineAtOffset(x, y);
            for (Run r : runs) {
                s.setFont(fonts[r.font], size);
                s.showText(r.text);
            }
            s.endText();
        }

        /** The size at which the text fits the width, not below a third of the wanted size. */
        private float fit(List<Run> runs, float maxWidth, float size) throws IOException {
            float width = width(runs, size);
            return width <= maxWidth ? size : Math.max(size / 3, size * maxWidth / width);
        }

        private float width(List<Run> runs, float size) throws IOException {
            float w = 0;
            for (Run r : runs) {
                w += fonts[r.font].getStringWidth(r.text) / 1000 * size;
            }
            return w;
        }

        private static double luminance(Color c) {
            return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        }
    }
}
