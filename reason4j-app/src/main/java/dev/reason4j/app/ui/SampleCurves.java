package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * pass@k and maj@k curves of an eval run, per strategy. A problem's samples are the trajectories its search tree
 * ended (terminal nodes), each graded against the gold answer; k runs over powers of two up to the fewest samples
 * any problem of the strategy has, so every point averages the same problems. Strategies with fewer than two
 * samples per problem, or records without trees ({@code --no-trees}), get a reason instead of a curve.
 */
final class SampleCurves {

    private SampleCurves() {}

    static ObjectNode compute(EvalRun run, AnswerGrades grades, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode strategies = out.putArray("strategies");
        for (String strategy : run.strategies()) {
            List<List<MajorityAtK.Sample>> problems = new ArrayList<>();
            int withoutTree = 0;
            for (EvalRun.Problem p : run.problems()) {
                EvalRun.Result r = p.results().get(strategy);
                if (r == null) {
                    continue;
                }
                if (r.treeNodes() == 0) {
                    withoutTree++;
                    continue;
                }
                problems.add(samples(new SearchTreeRecord(run.record(r, mapper)), grades));
            }
            strategies.add(curve(strategy, problems, withoutTree, mapper));
        }
        return out;
    }

    private static List<MajorityAtK.Sample> samples(SearchTreeRecord tree, AnswerGrades grades) {
        List<MajorityAtK.Sample> samples = new ArrayList<>();
        for (int id : tree.endings()) {
            String answer = tree.answerOf(id);
            samples.add(new MajorityAtK.Sample(tree.voteOf(id), grades.correct(tree.gold(), answer)));
        }
        return samples;
    }

    private static ObjectNode curve(String strategy, List<List<MajorityAtK.Sample>> problems, int withoutTree,
            ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode().put("strategy", strategy).put("problems", problems.size());
        int fewest = problems.stream().mapToInt(List::size).min().orElse(0);
        o.put("samples_min", fewest);
        ArrayNode points = o.putArray("points");
        if (withoutTree > 0) {
            o.put("note", withoutTree + " results have no search tree (--no-trees): their samples are unknown");
        } else if (fewest < 2) {
            o.put("note", problems.isEmpty() ? "no results" : "fewer than 2 samples for some problem: no curve");
        }
        if (withoutTree > 0 || fewest < 2) {
            return o;
        }
        TreeSet<Integer> ks = new TreeSet<>();
        for (int k = 1; k <= fewest; k *= 2) {
            ks.add(k);
        }
        ks.add(fewest);
        for (int k : ks) {
            double pass = 0;
            double maj = 0;
            for (List<MajorityAtK.Sample> samples : problems) {
                int correct = (int) samples.stream().filter(MajorityAtK.Sample::correct).count();
                pass += PassAtK.estimate(samples.size(), correct, k);
                maj += MajorityAtK.estimate(samples, k);
            }
            points.addObject().put("k", k).put("pass", pass / problems.size()).put("maj", maj / problems.size());
        }
        return o;
    }
}
