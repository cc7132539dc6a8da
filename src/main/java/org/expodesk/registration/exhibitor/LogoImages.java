package org.expodesk.registration.exhibitor;

import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Turns an uploaded logo into a PNG of our own making: the type is told by the first bytes (PNG,
 * JPEG, GIF), never by the name or the header the client sent, the pixel count is checked before
 * decoding, and the image is drawn anew, so nothing of the upload but its pixels is kept.
 */
final class LogoImages {

    private static final long MAX_PIXELS = 25_000_000L;

    private LogoImages() {
    }

    /** At most {@code maxBytes}, else 413; nothing read beyond that. */
    static byte[] read(InputStream in, int maxBytes) {
        try (in) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ProblemException(Problem.of(ProblemType.TOO_LARGE, "application_logoTooLarge"));
            }
            return bytes;
        } catch (IOException e) {
            throw unsupported();
        }
    }

    static byte[] reencode(byte[] upload, int maxSide) {
        if (!isImage(upload)) {
            throw unsupported();
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw unsupported();
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw unsupported();
        }
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage clean = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = clean.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(clean, "png", out);
        } catch (IOException e) {
            throw unsupported();
        }
        return out.toByteArray();
    }

    private static boolean isImage(byte[] b) {
        return starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || starts(b, 0xFF, 0xD8, 0xFF)
                || starts(b, 'G', 'I', 'F', '8');
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException unsupported() {
        return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "application_logoNotImage"));
    }
}
