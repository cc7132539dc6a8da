package org.expodesk.mail;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Attachment renderers for the outbox tests: one that makes a file from its argument, one that always fails. */
final class TestAttachmentRenderers {

    private TestAttachmentRenderers() {
    }

    @ApplicationScoped
    static class UpperCase implements AttachmentRenderer {
        @Override
        public String name() {
            return "test-upper-case";
        }

        @Override
        public byte[] render(String argument) {
            return argument.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        }
    }

    @ApplicationScoped
    static class Broken implements AttachmentRenderer {
        @Override
        public String name() {
            return "test-broken";
        }

        @Override
        public byte[] render(String argument) {
            throw new IllegalStateException("no such badge: " + argument);
        }
    }
}
