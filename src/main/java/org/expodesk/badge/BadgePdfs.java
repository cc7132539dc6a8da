package org.expodesk.badge;

import com.google.zxing.common.BitMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
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
            List<Face> faces = new ArrayList<>();
            faces.add(new Face(PDType0Font.load(doc, latin, true), latin.getUnicodeCmapLookup()));
            if (cjk != null) {
                faces.add(new Face(PDType0Font.load(doc, cjk, true), cjk.getUnicodeCmapLookup()));
            }
            for (Badge b : badges) {
                String edition = editionNames.computeIfAbsent(b.exhibitionId, id -> exhibitions.get(id).name);
                PDPage page = new PDPage(new PDRectangle(layout.width, layout.height));
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    new Drawing(s, faces, layout).badge(b, edition);
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

    /** A font embedded in the document and its Unicode map, to tell which characters it has. */
    private record Face(PDType0Font font, CmapLookup cmap) {
        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
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
        private final List<Face> faces;
        private final Layout layout;

        Drawing(PDPageContentStream s, List<Face> faces, Layout layout) {
            this.s = s;
            this.faces = faces;
            this.layout = layout;
        }

        void badge(Badge b, String edition) throws IOException {
            float w = layout.width;
            float h = layout.height;
            float margin = layout == Layout.A6 ? 18 : 10;
            float band = layout == Layout.A6 ? 52 : 34;
            Color colour = Color.decode(b.categoryColour);
            s.setNonStrokingColor(colour);
            s.addRect(0, 0, w, band);
            s.fill();
            s.setNonStrokingColor(luminance(colour) > 0.55 ? Color.BLACK : Color.WHITE);
            centred(b.categoryLabel.toUpperCase(java.util.Locale.ROOT), w / 2, band / 2 - 7, w - 2 * margin,
                    layout == Layout.A6 ? 20 : 14);
            s.setNonStrokingColor(Color.DARK_GRAY);
            String days = days(b.firstDay, b.lastDay);
            if (layout == Layout.A6) {
                centred(edition, w / 2, h - margin - 12, w - 2 * margin, 12);
                centred(days, w / 2, h - margin - 28, w - 2 * margin, 10);
                s.setNonStrokingColor(Color.BLACK);
                centred(b.holderName, w / 2, h - 110, w - 2 * margin, 30);
                if (b.organizationName != null) {
                    centred(b.organizationName, w / 2, h - 140, w - 2 * margin, 16);
                }
                qr(b.code, (w - 150) / 2, band + 20, 150);
            } else {
                float qrSize = h - band - 2 * 8;
                float textWidth = w - qrSize - 3 * margin;
                left(edition, margin, h - margin - 8, textWidth, 9);
                left(days, margin, h - margin - 20, textWidth, 8);
                s.setNonStrokingColor(Color.BLACK);
                left(b.holderName, margin, h - 70, textWidth, 22);
                if (b.organizationName != null) {
                    left(b.organizationName, margin, h - 95, textWidth, 12);
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
            List<Run> runs = runs(text);
            float fitted = fit(runs, maxWidth, size);
            show(runs, centre - width(runs, fitted) / 2, baseline, fitted);
        }

        private void left(String text, float x, float baseline, float maxWidth, float size) throws IOException {
            List<Run> runs = runs(text);
            show(runs, x, baseline, fit(runs, maxWidth, size));
        }

        private void show(List<Run> runs, float x, float y, float size) throws IOException {
            s.beginText();
            s.newLineAtOffset(x, y);
            for (Run r : runs) {
                s.setFont(r.face.font(), size);
                s.showText(r.text);
            }
            s.endText();
        }

        /** The size at which the text fits the width, not below a third of the wanted size. */
        private static float fit(List<Run> runs, float maxWidth, float size) throws IOException {
            float width = width(runs, size);
            return width <= maxWidth ? size : Math.max(size / 3, size * maxWidth / width);
        }

        private static float width(List<Run> runs, float size) throws IOException {
            float w = 0;
            for (Run r : runs) {
                w += r.face.font().getStringWidth(r.text) / 1000 * size;
            }
            return w;
        }

        private record Run(Face face, String text) {
        }

        /**
         * The text cut into runs of one font each: the first font that has the character. One that
         * no font has becomes "?" instead of failing the whole PDF; controls become spaces.
         */
        private List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            Face current = null;
            StringBuilder run = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                int c = Character.isISOControl(cp) || Character.isWhitespace(cp) ? ' ' : cp;
                Face face = null;
                for (Face f : faces) {
                    if (f.has(c)) {
                        face = f;
                        break;
                    }
                }
                if (face == null) {
                    c = '?';
                    face = faces.get(0);
                }
                if (face != current && run.length() > 0) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = face;
                run.appendCodePoint(c);
            }
            if (run.length() > 0) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }

        private static double luminance(Color c) {
            return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        }

        private static String days(LocalDate first, LocalDate last) {
            return first.equals(last) ? first.toString() : first + " – " + last;
        }
    }
}
