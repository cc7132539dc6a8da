package org.expodesk.party.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organizations;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.platform.DaemonThreads;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The name blocks of a people chunk's new companies, read on a thread and a transaction of their own
 * while the chunk before it is decided and written (docs/import.md, "Chunks overlapped"; ADR 0022).
 * The chunk takes from them only the alike blocks of names none of whose terms the chunk before it
 * added to the index (else it reads them again itself), so it decides as it would have with its own
 * read.
 */
@ApplicationScoped
public class CompaniesAhead {

    private static final Logger LOG = Logger.getLogger(CompaniesAhead.class);

    /** Far longer than a chunk's read takes while the database answers. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    @Inject
    Organizations organizations;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ImportChunks chunks;

    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            DaemonThreads.named("expodesk-import-ahead"));

    /**
     * A read started for a chunk once the chunk before it began: {@code before} is the common-terms copy
     * handed to that chunk's transaction, which knows, once it committed, which organization terms it wrote.
     */
    record Read(Future<OrganizationMatcher.Blocks> blocks, SearchIndex.LastingCommonTerms before,
                SearchIndex.LastingCommonTerms counted) {

        /** The blocks read, or {@code null} when the read failed (the chunk then reads them all itself). */
        OrganizationMatcher.Blocks get() {
            if (blocks == null) {
                return null;
            }
            try {
                return blocks.get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "Companies read ahead failed, read again");
                return null;
            } catch (TimeoutException e) {
                // the chunk holds its key locks meanwhile: it reads its blocks itself rather than wait on
                blocks.cancel(true);
                LOG.warnf("Companies read ahead took over %s, read again", LONGEST_WAIT);
                return null;
            }
        }

        /**
         * What the read found common or rare, for the chunk's transaction to remember too (once {@link #get}
         * returned): else each chunk's read ahead counted the same terms again.
         */
        void learnInto(SearchIndex searchIndex) {
            searchIndex.learnCommonTerms(counted, before);
        }

        /** Whether the chunk before this one wrote none of these organization terms (and took none away). */
        boolean leftAlone(Set<String> terms) {
            return before.leftAlone(terms);
        }

        /**
         * An alike block read ahead as the chunk's own read would find it after the chunk before committed
         * ({@code null}: the chunk reads it itself); {@code now}: the common terms handed to the chunk.
         */
        SearchIndex.Alike completed(SearchIndex.Alike read, SearchIndex.LastingCommonTerms now, int limit) {
            return before.completed(read, now, limit);
        }

        void cancel() {
            if (blocks != null) {
                blocks.cancel(true);
            }
        }
    }

    /**
     * Starts reading the name blocks of the companies {@code rows} name that are neither among those
     * the run resolved ({@code companies}, a concurrent map the run adds to as its chunks commit) nor the
     * one live organization of that name,
     * with the common terms the run remembers now ({@code lasting}, a copy is taken). {@code before}:
     * the copy handed to the chunk now under way.
     */
    Read start(long runId, List<MappedRow> rows, Map<String, Long> companies, SearchIndex.LastingCommonTerms lasting,
               SearchIndex.LastingCommonTerms before) {
        SearchIndex.LastingCommonTerms terms = lasting.copy();
        Future<OrganizationMatcher.Blocks> blocks;
        try {
            blocks = executor.submit(() -> QuarkusTransaction.requiringNew().call(() -> read(runId, rows,
                    companies.keySet(), terms)));
        } catch (RejectedExecutionException e) {
            // stopping: the chunk reads its blocks itself
            blocks = null;
        }
        return new Read(blocks, before, terms);
    }

    private OrganizationMatcher.Blocks read(long runId, List<MappedRow> rows, Set<String> resolved,
                                            SearchIndex.LastingCommonTerms terms) {
        searchIndex.rememberCommonTerms(terms);
        // a row an earlier run or chunk imported names no company to resolve (a file imported again)
        Set<java.nio.ByteBuffer> known = chunks.known(ImportKind.PEOPLE, runId, rows).keySet();
        // nor does a row whose phone its create would refuse, read without a country as a new company has none
        // (unless the row's person is known by e-mail: then the chunk reads that company's blocks itself)
        List<String> names = rows.stream().filter(MappedRow::valid)
                .filter(r -> !known.contains(java.nio.ByteBuffer.wrap(r.fingerprint())))
                .filter(r -> ImportChunks.phoneRefused(r.get("phone"), null) == null).map(r -> r.get("organization"))
                .filter(Objects::nonNull).filter(name -> !resolved.contains(NameKeys.organization(name))).toList();
        Set<String> unique = organizations.uniquelyNamedKeys(names);
        Map<String, Organizations.NewOrganization> unresolved = new LinkedHashMap<>();
        for (String name : names) {
            String key = NameKeys.organization(name);
            if (!unique.contains(key)) {
                unresolved.putIfAbsent(key, ImportChunks.company(name));
            }
        }
        // which organizations are alike only: the chunk reads the name-key blocks and the rows again itself
        return unresolved.isEmpty() ? null : organizations.alikeAhead(unresolved.values());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
