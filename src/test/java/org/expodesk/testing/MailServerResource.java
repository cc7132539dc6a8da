package org.expodesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The suite's SMTP server: GreenMail in the test JVM on a free loopback port, started once per run.
 * Tests read what Expodesk sent with {@link #greenMail()}, and take it down and up again with
 * {@link #stopServer()} and {@link #restart()} to see mail wait for it.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            port = freePort();
            restart();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // one server for the whole run; the JVM's end stops it
    }

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    /** Takes the SMTP server away: connections are refused until {@link #restart()}. */
    public static synchronized void stopServer() {
        greenMail.stop();
    }

    /** Starts a fresh server on the same port (what it had received is gone). */
    public static synchronized void restart() {
        if (greenMail != null) {
            greenMail.stop();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** What the server received for this address (the first To of each message), in order. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(greenMail().getReceivedMessages())
                .filter(m -> recipientOf(m).equalsIgnoreCase(address))
                .toList();
    }

    /** The first To address of a message. */
    public static String recipientOf(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part of a message (plain and HTML), decoded (quoted-printable, base64, UTF-8). */
    public static String textOf(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(textOf(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first attachment (or PDF part) of a message, or null when it has none. */
    public static byte[] attachment(jakarta.mail.Part part) {
        try {
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("application/pdf")) {
                return part.getInputStream().readAllBytes();
            }
            if (part.isMimeType("multipart/*")) {
                jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    byte[] found = attachment(multipart.getBodyPart(i));
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
