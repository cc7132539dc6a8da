package org.expodesk.party.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.platform.DaemonThreads;
import org.expodesk.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports in the background (docs/adr/0006-imports-run-as-jobs.md): a run is claimed in
 * the database, read once, and imported in chunks, each committed with the run's progress. A
 * run whose node went away (no chunk for a while) is claimed again by a sweep on any node and
 * carries on after the last committed chunk.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    @Inject
    ImportChunks chunks;

    @Inject
    CompaniesAhead companiesAhead;

    @Inject
    Mappings mappings;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.import.chunk-size", defaultValue = "500")
    int chunkSize;

    /** A running import that finished no chunk for this long is taken to have lost its node. */
    @ConfigProperty(name = "expodesk.import.stale-after", defaultValue = "5M")
    Duration staleAfter;

    /** An upload nobody started for this long is dropped: its file may name people, and it is kept for nothing. */
    @ConfigProperty(name = "expodesk.import.abandoned-after", defaultValue = "7D")
    Duration abandonedAfter;

    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            DaemonThreads.named("expodesk-import"));

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued queued) {
        submit(queued.importId());
    }

    /** Picks up runs queued but never started, and runs whose node stopped moving them. */
    @Scheduled(identity = "party-import-resume", every = "30s", delayed = "30s")
    void resume() {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> expireAbandoned(now));
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>list(
                        "(status = ?1 and updatedAt < ?2) or (status = ?3 and claimedAt < ?4)",
                        ImportRun.Status.QUEUED, now.minusSeconds(30), ImportRun.Status.RUNNING, now.minus(staleAfter))
                .stream().map(r -> r.id).toList());
        ids.forEach(this::submit);
    }

    /** Uploads never started are given up, and their file content dropped; the run stays listed. */
    void expireAbandoned(Instant now) {
        for (ImportRun run : ImportRun.<ImportRun>list("status = ?1 and updatedAt < ?2", ImportRun.Status.UPLOADED,
                now.minus(abandonedAfter))) {
            run.status = ImportRun.Status.EXPIRED;
            run.content = null;
            run.finishedAt = now;
            run.updatedAt = now;
        }
    }

    private void submit(long id) {
        executor.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Import %d stopped; it will be resumed", id);
            }
        });
    }

    @Inject
    Imports imports;

    /**
     * Checks, stores and imports a file in the calling thread, without HTTP (benchmarks, tools):
     * the same checks and the same job as {@code POST /api/imports}. Returns the finished run.
     */
    public ImportRun importNow(byte[] content, String fileName, ImportKind kind, String mappingSource, String by) {
        long id = QuarkusTransaction.requiringNew().call(() -> imports.queue(content, fileName, kind, mappingSource,
                mappingSource, by).id);
        run(id);
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findById(id));
    }

    /**
     * Claims the run and imports it in the calling thread; returns false when another node holds
     * it. Benchmarks call this directly after {@link Imports#uploadAndStart}.
     */
    public boolean run(long id) {
        Instant now = Instant.now(clock);
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createQuery("update ImportRun set status = ?1,"
                        + " claimedAt = ?2, updatedAt = ?2 where id = ?3 and (status = ?4 or (status = ?1 and claimedAt < ?5))")
                .setParameter(1, ImportRun.Status.RUNNING).setParameter(2, now).setParameter(3, id)
                .setParameter(4, ImportRun.Status.QUEUED).setParameter(5, now.minus(staleAfter)).executeUpdate());
        if (claimed == 0) {
            return false;
        }
        record Work(ImportKind kind, ImportFile.Format format, byte[] content, Map<String, String> mapping, int from) {
        }
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun run = ImportRun.findById(id);
            return new Work(run.kind, run.format, run.content, mappings.read(run.mapping), run.nextRow);
        });
        List<MappedRow> chunk = new ArrayList<>();
        // read by the next chunk's read ahead while this thread adds a committed chunk's companies
        Map<String, Long> companies = new java.util.concurrent.ConcurrentHashMap<>();
        SearchIndex.LastingCommonTerms[] commonTerms = {new SearchIndex.LastingCommonTerms()};
        // the alike organizations' rows, read once per run rather than once per chunk (ADR 0030)
        OrganizationMatcher.KeptRows keptRows = new OrganizationMatcher.KeptRows();
        ImportPhases phases = new ImportPhases();
        long started = System.nanoTime();
        int[] position = new int[1];
        int[] chunkStart = {work.from()};
        String[][] columns = new String[1][];
        // a chunk is imported once the next one is read, so that the next one's companies are read ahead meanwhile
        List<List<MappedRow>> waiting = new ArrayList<>(1);
        CompaniesAhead.Read[] ahead = new CompaniesAhead.Read[1];
        boolean people = work.kind() == ImportKind.PEOPLE;
        try {
            ImportFile.read(work.content(), work.format(), (rowNo, cells) -> {
                if (position[0]++ < work.from()) {
                    return;
                }
                MappedRow row = MappedRow.of(work.kind(), rowNo, cells, columns[0]);
                chunk.add(row);
                if (chunk.size() >= chunkSize) {
                    List<MappedRow> full = List.copyOf(chunk);
                    chunk.clear();
                    if (!waiting.isEmpty()) {
                        ahead[0] = commit(id, chunkStart[0], waiting.remove(0), people ? full : null, ahead[0], companies,
                                commonTerms, keptRows, phases);
                        chunkStart[0] += chunkSize;
                    }
                    waiting.add(full);
                    phases.enter("reading the file");
                }
            }, header -> columns[0] = Mappings.columns(work.kind(), header, work.mapping()));
            List<MappedRow> last = chunk.isEmpty() ? null : List.copyOf(chunk);
            if (!waiting.isEmpty()) {
                ahead[0] = commit(id, chunkStart[0], waiting.remove(0), people ? last : null, ahead[0], companies,
                        commonTerms, keptRows, phases);
                chunkStart[0] += chunkSize;
            }
            if (last != null) {
                commit(id, chunkStart[0], last, null, ahead[0], companies, commonTerms, keptRows, phases);
            }
        } catch (ImportChunks.Overtaken e) {
            LOG.infof("Import %d is carried on by another node", id);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRun run = ImportRun.findById(id);
            if (run.status == ImportRun.Status.RUNNING) {
                run.status = ImportRun.Status.DONE;
                run.content = null;
                run.finishedAt = Instant.now(clock);
                run.updatedAt = run.finishedAt;
                run.totalRows = Math.max(run.totalRows, run.nextRow);
            }
        });
        phases.count("companies: alike rows taken as kept", keptRows.taken());
        phases.count("companies: kept alike rows forgotten as changed", keptRows.forgotten());
        LOG.infof("Import %d done in %.1f s: %s", id, (System.nanoTime() - started) / 1e9, phases);
        return true;
    }

    /**
     * The chunk in one transaction, with its companies' name blocks read ahead ({@code ahead}, or
     * {@code null}), while those of the {@code next} chunk are read (ADR 0022); returns that read, or
     * {@code null} when the chunk was refused (the next one then reads its own). If the database refuses
     * the chunk, each half again, down to single rows, so one bad row costs only itself (and a few redone
     * halves, not its chunk redone row by row).
     */
    private CompaniesAhead.Read commit(long id, int from, List<MappedRow> rows, List<MappedRow> next,
                                       CompaniesAhead.Read ahead, Map<String, Long> companies,
                                       SearchIndex.LastingCommonTerms[] commonTerms, OrganizationMatcher.KeptRows keptRows,
                                       ImportPhases phases) {
        CompaniesAhead.Read nextAhead = null;
        try {
            // people's companies resolved once per run, not once per chunk, and the name terms found
            // common: both kept only after their chunk committed
            SearchIndex.LastingCommonTerms attempt = commonTerms[0].copy();
            nextAhead = next == null ? null : companiesAhead.start(id, next, companies, commonTerms[0], attempt);
            companies.putAll(chunks.process(id, from, List.copyOf(rows), companies, attempt, ahead, keptRows, phases));
            commonTerms[0] = attempt;
            keptRows.keepRead();
            return nextAhead;
        } catch (ImportChunks.Overtaken e) {
            if (nextAhead != null) {
                nextAhead.cancel();
            }
            throw e;
        } catch (RuntimeException e) {
            keptRows.dropRead();
            // what the read ahead is checked against is this transaction's writes, rolled back now
            if (nextAhead != null) {
                nextAhead.cancel();
            }
            if (rows.size() == 1) {
                LOG.warnf("Import %d: row %d refused: %s", id, rows.get(0).rowNo(), e.getClass().getSimpleName());
                chunks.fail(id, from, rows.get(0), reason(e));
                return null;
            }
            int half = rows.size() / 2;
            phases.enter("chunks redone by halves");
            commit(id, from, List.copyOf(rows.subList(0, half)), null, null, companies, commonTerms, keptRows, phases);
            commit(id, from + half, List.copyOf(rows.subList(half, rows.size())), null, null, companies, commonTerms,
                    keptRows, phases);
            return null;
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p && p.problem().errors() != null && !p.problem().errors().isEmpty()) {
                return p.problem().errors().get(0).message();
            }
        }
        return "party_import_rowRefused";
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
