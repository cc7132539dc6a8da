package org.expodesk.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A camera for browser tests: a Y4M video showing a QR code, and a Chromium that films it
 * instead of a real camera. The browser is the caller's to close.
 */
public final class FakeCamera {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private FakeCamera() {
    }

    /**
     * The text as a QR code, black on white, near the middle of the picture, at seven sizes from 280 to 400
     * pixels (58 to 83 % of the picture's height), each at three positions a few pixels apart, in turn, for
     * about eight seconds. One still picture is not enough: the page's reader (ZXing's JavaScript port) misses
     * about one code in ten at any one size, for ever on a still picture, while a hand holding a badge up moves
     * it; over four sizes it read each of 300 codes like the badges' (docs/checkin.md), yet a CI run still met a
     * code it read at none of them (the page scales its box down by 3/4, so where the modules fall against the
     * pixels matters as much as their size). Sizes and positions alternate frame by frame, so that the reader
     * sees all of them whenever it looks and however slowly it reads.
     */
    public static Path videoOf(String text) throws IOException, WriterException {
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, (byte) 128);
        Path file = Files.createTempFile("expodesk-camera", ".y4m");
        file.toFile().deleteOnExit();
        int[][] shifts = {{0, 0}, {3, 2}, {-2, 3}};
        List<byte[]> pictures = new java.util.ArrayList<>();
        for (int[] shift : shifts) {
            for (int size = 280; size <= 400; size += 20) {
                pictures.add(pictureOf(text, size, shift[0], shift[1]));
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 4 * pictures.size(); frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(pictures.get(frame % pictures.size()));
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }

    private static byte[] pictureOf(String text, int size, int right, int down) throws WriterException {
        BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 235);
        int left = (WIDTH - qr.getWidth()) / 2 + right;
        int top = (HEIGHT - qr.getHeight()) / 2 + down;
        for (int x = 0; x < qr.getWidth(); x++) {
            for (int y = 0; y < qr.getHeight(); y++) {
                if (qr.get(x, y)) {
                    luma[(top + y) * WIDTH + left + x] = 16;
                }
            }
        }
        return luma;
    }

    /** A Chromium of its own whose camera shows the video (and asks no permission). */
    public static com.microsoft.playwright.Browser chromiumFilming(Playwright playwright, Path video) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream",
                        "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + video));
        Browser.systemChromium().ifPresent(launch::setExecutablePath);
        return playwright.chromium().launch(launch);
    }

    public static Playwright playwright() {
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (Browser.systemChromium().isPresent()) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        return Playwright.create(create);
    }
}
