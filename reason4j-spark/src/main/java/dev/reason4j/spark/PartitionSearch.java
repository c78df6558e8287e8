package dev.reason4j.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * One task's work: takes its work rows (sorted by unit, then input position) in batches of up to {@code batch}
 * problems of one unit, has the stage solve each batch with this executor's shared session, and hands back one
 * record row per problem. Rows stream: a batch is searched when the writer asks for its first record, so a task
 * holds one batch in memory and an already finished partition opens nothing.
 */
final class PartitionSearch implements MapPartitionsFunction<Row, Row> {

    private final ProblemStage stage;
    private final SearchOptions search;
    private final int batch;

    PartitionSearch(ProblemStage stage, SearchOptions search, int batch) {
        this.stage = stage;
        this.search = search;
        this.batch = batch;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> work) {
        List<String> units = stage.units();
        return new Iterator<>() {
            private Row pending = work.hasNext() ? work.next() : null;
            private Iterator<Row> ready = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!ready.hasNext() && pending != null) {
                    ready = solveNextBatch().iterator();
                }
                return ready.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.next();
            }

            private List<Row> solveNextBatch() {
                int unit = ProblemRows.unit(pending);
                List<Problem> problems = new ArrayList<>();
                List<Long> ordinals = new ArrayList<>();
                while (pending != null && ProblemRows.unit(pending) == unit && problems.size() < batch) {
                    problems.add(ProblemRows.problem(pending));
                    ordinals.add(ProblemRows.ordinal(pending));
                    pending = work.hasNext() ? work.next() : null;
                }
                List<ObjectNode> records = stage.solve(unit, problems, ExecutorSessions.get(search));
                if (records.size() != problems.size()) {
                    throw new IllegalStateException("stage " + stage.name() + " gave " + records.size()
                            + " records for " + problems.size() + " problems");
                }
                List<Row> rows = new ArrayList<>(records.size());
                for (int i = 0; i < records.size(); i++) {
                    String id = records.get(i).path("problem_id").asText();
                    if (!id.equals(problems.get(i).id())) {
                        throw new IllegalStateException("stage " + stage.name() + " gave the record of '" + id
                                + "' for problem '" + problems.get(i).id() + "'");
                    }
                    rows.add(RecordRows.row(unit, units.get(unit), ordinals.get(i), records.get(i)));
                }
                return rows;
            }
        };
    }
}
