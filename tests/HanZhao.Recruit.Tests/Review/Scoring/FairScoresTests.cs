using HanZhao.Recruit.Web.Review.Scoring;

namespace HanZhao.Recruit.Tests.Review.Scoring;

/// <summary>The normalised average against figures worked out by hand (population standard deviations).</summary>
public class FairScoresTests
{
    private const int Precision = 6;

    [Fact]
    public void A_strict_and_a_lenient_reviewer_who_rank_alike_give_the_same_corrected_scores()
    {
        // Strict: 2 and 4 (mean 3, spread 1). Lenient: 3 and 5 (mean 4, spread 1).
        // Everyone: 2, 4, 3, 5: mean 3.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25, spread √1.25 = 1.118034.
        // Each reviewer's lower score is z = −1 → 3.5 − 1.118034 = 2.381966; the higher z = +1 → 4.618034.
        ScoreSample[] all =
        [
            new("strict", 1, 2), new("strict", 2, 4),
            new("lenient", 1, 3), new("lenient", 2, 5),
        ];
        var fair = new FairScores(all);

        Assert.Equal(2.381966, fair.Corrected(all[0]), Precision);
        Assert.Equal(2.381966, fair.Corrected(all[2]), Precision);
        Assert.Equal(2.381966, fair.NormalisedAverage([.. all.Where(s => s.ApplicationId == 1)])!.Value, Precision);
        Assert.Equal(4.618034, fair.NormalisedAverage([.. all.Where(s => s.ApplicationId == 2)])!.Value, Precision);
    }

    [Fact]
    public void Uneven_reviewers_are_corrected_each_by_their_own_mean_and_spread()
    {
        // A: 3, 4, 5 on applications 1–3 (mean 4, variance 2/3, spread 0.816497).
        // B: 2, 4 on applications 1–2 (mean 3, spread 1).
        // Everyone: 3, 4, 5, 2, 4: mean 3.6, variance (0.36 + 0.16 + 1.96 + 2.56 + 0.16) / 5 = 1.04, spread 1.019804.
        // Application 1: A z = −1.224745 → 3.6 − 1.249000 = 2.351000; B z = −1 → 2.580196; average 2.465598.
        ScoreSample[] all =
        [
            new("a", 1, 3), new("a", 2, 4), new("a", 3, 5),
            new("b", 1, 2), new("b", 2, 4),
        ];
        var fair = new FairScores(all);

        Assert.Equal(2.351000, fair.Corrected(all[0]), Precision);
        Assert.Equal(2.580196, fair.Corrected(all[3]), Precision);
        Assert.Equal(2.465598, fair.NormalisedAverage([all[0], all[3]])!.Value, Precision);
        // Application 2: A z = 0 → 3.6; B z = +1 → 4.619804; average 4.109902.
        Assert.Equal(4.109902, fair.NormalisedAverage([all[1], all[4]])!.Value, Precision);
    }

    [Fact]
    public void A_reviewer_with_one_score_or_the_same_score_everywhere_counts_as_scored_and_no_score_leaves_1_to_5()
    {
        // A: 1, 1, 1, 5 (mean 2, variance 3, spread 1.732051). B: 5, 5 (no spread). C: one score, 4.
        // Everyone: 1, 1, 1, 5, 5, 5, 4: mean 22/7 = 3.142857, variance 24.857143 / 7 = 3.551020, spread 1.884415.
        // A's 5: z = 1.732051 → 3.142857 + 3.263903 = 6.406760, kept to 5. A's 1: z = −0.577350 → 3.142857 − 1.087968 = 2.054890.
        ScoreSample[] all =
        [
            new("a", 1, 1), new("a", 2, 1), new("a", 3, 1), new("a", 4, 5),
            new("b", 4, 5), new("b", 5, 5),
            new("c", 4, 4),
        ];
        var fair = new FairScores(all);

        Assert.Equal(5, fair.Corrected(all[3]), Precision);
        Assert.Equal(2.054890, fair.Corrected(all[0]), Precision);
        Assert.Equal(5, fair.Corrected(all[4]), Precision);
        Assert.Equal(4, fair.Corrected(all[6]), Precision);
        Assert.Equal((5 + 5 + 4) / 3.0, fair.NormalisedAverage([all[3], all[4], all[6]])!.Value, Precision);
        Assert.Null(fair.NormalisedAverage([]));
    }
}
