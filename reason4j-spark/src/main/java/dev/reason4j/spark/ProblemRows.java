package dev.reason4j.spark;

import dev.reason4j.core.dataset.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Problems as Spark rows: {@code ordinal} (position in the input, which orders outputs), {@code id},
 * {@code question}, {@code answer} and {@code meta} (the record's other fields as text); work rows add the
 * {@code unit} index and name.
 */
final class ProblemRows {

    static final String ORDINAL = "ordinal";
    static final String ID = "id";
    static final String QUESTION = "question";
    static final String ANSWER = "answer";
    static final String META = "meta";
    static final String UNIT = "unit";
    static final String UNIT_NAME = "unit_name";

    static final StructType SCHEMA = new StructType()
            .add(ORDINAL, DataTypes.LongType, false)
            .add(ID, DataTypes.StringType, false)
            .add(QUESTION, DataTypes.StringType, false)
            .add(ANSWER, DataTypes.StringType, false)
            .add(META, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false);

    private ProblemRows() {}

    static Row row(long ordinal, Problem p) {
        return RowFactory.create(ordinal, p.id(), p.question(), p.answer(), CollectionConverters.asScala(p.meta()));
    }

    /** The problem of a problem or work row. */
    static Problem problem(Row row) {
        Map<String, String> meta = new LinkedHashMap<>(row.getJavaMap(row.fieldIndex(META)));
        return new Problem(row.getString(row.fieldIndex(ID)), row.getString(row.fieldIndex(QUESTION)),
                row.getString(row.fieldIndex(ANSWER)), meta);
    }

    static long ordinal(Row row) {
        return row.getLong(row.fieldIndex(ORDINAL));
    }

    static int unit(Row row) {
        return row.getInt(row.fieldIndex(UNIT));
    }
}
