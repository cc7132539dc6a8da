package org.expodesk.badge;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expodesk.exhibition.TestExhibitions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A confirmation's badge PDF is made when the mail is sent: a reissued badge sends its successor, a revoked one nothing. */
@QuarkusTest
class BadgePdfAttachmentsTest {

    @Inject
    BadgePdfAttachments attachments;

    @Test
    void aReissuedBadgeIsSentAsItsSuccessorAndARevokedOneIsNotSent() throws Exception {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued issued = TestBadges.issue(exhibition, TestBadges.person(null), "Jon Misspelt", null, null);
        String argument = BadgePdfAttachments.argument(issued.badge().id, BadgePdfs.Layout.A6);
        assertThat(text(attachments.render(argument))).contains("Jon Misspelt");

        Badges.Issued fixed = TestBadges.badges().reissue(issued.badge().id, new Badges.Changes("John Spelt", null, null,
                null, null, null, null, null, "name fixed"), "desk");
        assertThat(text(attachments.render(argument))).contains("John Spelt").doesNotContain("Misspelt");

        TestBadges.badges().revoke(fixed.badge().id, "left the show", "desk");
        assertThatThrownBy(() -> attachments.render(argument)).hasMessageContaining("REVOKED");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
