package org.expodesk.badge;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One timed batch print in a JVM of its own (the benchmark starts it with {@code -Xmx512m}):
 * {@code badges N} prints N signed badges with {@link BadgePdfs#many} into one PDF file;
 * {@code ceiling N} writes the same N pages with nothing on them but each badge's QR code, the least
 * a printed badge needs; {@code mails N} makes N one-badge PDFs with {@link BadgePdfs#one}, each a
 * confirmation mail's attachment (the first 100 not timed: a mail sender runs warm). Prints
 * {@code seconds=… pages=… bytes=… peakHeapMb=…}.
 */
public final class BadgePrintRun {

    private static final String[] NAMES = {"王小明", "Anna Schmidt", "李华", "José García", "欧阳娜娜", "Olivia Brown"};
    private static final String[] COMPANIES = {"苏州灯笼制造有限公司", "Nordic Fasteners GmbH", "Shenzhen Bright Tech Co., Ltd."};

    private BadgePrintRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int count = Integer.parseInt(args[1]);
        if (mode.equals("mails")) {
            mails(count);
            return;
        }
        List<Badge> badges = badges(count);
        Path file = Files.createTempFile("badges-", ".pdf");
        try {
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                if (mode.equals("badges")) {
                    pdfs().many(badges, BadgePdfs.Layout.A6, out);
                } else {
                    qrOnly(badges, out);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (PDDocument written = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                System.out.printf(java.util.Locale.ROOT, "seconds=%.3f pages=%d bytes=%d peakHeapMb=%d%n", seconds,
                        written.getNumberOfPages(), Files.size(file), peakHeapMb());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void mails(int count) throws Exception {
        BadgePdfs pdfs = pdfs();
        List<Badge> warmUp = badges(100);
        for (Badge b : warmUp) {
            pdfs.one(b, BadgePdfs.Layout.A6);
        }
        List<Badge> badges = badges(count);
        long bytes = 0;
        long start = System.nanoTime();
        for (Badge b : badges) {
            bytes += pdfs.one(b, BadgePdfs.Layout.A6).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "seconds=%.3f pages=%d bytes=%d peakHeapMb=%d%n", seconds, count, bytes,
                peakHeapMb());
    }

    /** Badges as the database would give them: signed codes, mixed Latin and Chinese names. */
    static List<Badge> badges(int count) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        LocalDate first = LocalDate.of(2027, 6, 14);
        List<Badge> badges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Badge b = new Badge();
            b.id = 1_000_000L + i;
            b.exhibitionId = 7L;
            b.holderName = NAMES[i % NAMES.length] + " " + i;
            b.organizationName = COMPANIES[i % COMPANIES.length];
            b.categoryCode = i % 10 == 0 ? "BUYER" : "VISITOR";
            b.categoryLabel = i % 10 == 0 ? "Buyer 买家" : "Visitor 观众";
            b.categoryColour = i % 10 == 0 ? "#E65100" : "#1E88E5";
            b.firstDay = first;
            b.lastDay = first.plusDays(3);
            b.code = BadgeCodes.encode(new BadgeCodes.Payload(7L, 1, b.id, b.categoryCode, b.firstDay, b.lastDay),
                    key.getPrivate());
            badges.add(b);
        }
        return badges;
    }

    /** The badge printer as the application builds it, its edition names given without a database. */
    private static BadgePdfs pdfs() {
        BadgePdfs pdfs = new BadgePdfs();
        pdfs.configuredFont = Optional.ofNullable(System.getenv("EXPODESK_BADGE_FONT"));
        pdfs.exhibitions = new ExhibitionService() {
            @Override
            public Exhibition get(long id) {
                Exhibition e = new Exhibition();
                e.id = id;
                e.name = "Suzhou Lighting Expo 2027 苏州灯具展";
                return e;
            }
        };
        return pdfs;
    }

    private static void qrOnly(List<Badge> badges, OutputStream out) throws Exception {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDRectangle size = new PDRectangle(BadgePdfs.Layout.A6.width, BadgePdfs.Layout.A6.height);
            for (Badge b : badges) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    BitMatrix m = BadgeQr.matrix(b.code);
                    float module = 150f / m.getWidth();
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
                            s.addRect(70 + start * module, 100 + row * module, (col - start) * module, module);
                        }
                    }
                    s.fill();
                }
            }
            doc.save(out);
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
