namespace HanZhao.Recruit.Web.Review.Scoring;

/// <summary>One reviewer's score of one application: the average of the four rubric criteria (1–5).</summary>
public sealed record ScoreSample(string ReviewerId, int ApplicationId, double Average);

/// <summary>
/// Scores corrected for each reviewer's leniency. A reviewer's score becomes a z-score over all the
/// applications that reviewer scored ((score − their mean) / their spread, population standard
/// deviation), mapped back to the 1–5 scale by the mean and spread of every score by everyone, and
/// clamped to 1–5; an application's normalised average is the mean of its reviewers' corrected scores.
/// A reviewer with fewer than two scores, or who gave every application the same score, tells us
/// nothing about their leniency: their scores are taken as given.
/// </summary>
public sealed class FairScores
{
    private readonly Dictionary<string, (double Mean, double Spread, int Count)> _reviewers;
    private readonly double _mean;
    private readonly double _spread;

    public FairScores(IReadOnlyCollection<ScoreSample> all)
    {
        _reviewers = all.GroupBy(s => s.ReviewerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Describe([.. g.Select(s => s.Average)]), StringComparer.Ordinal);
        (_mean, _spread, _) = Describe([.. all.Select(s => s.Average)]);
    }

    /// <summary>The corrected score of one sample on the 1–5 scale.</summary>
    public double Corrected(ScoreSample sample)
    {
        if (!_reviewers.TryGetValue(sample.ReviewerId, out var reviewer) || reviewer.Count < 2 || reviewer.Spread <= 0 || _spread <= 0)
        {
            return sample.Average;
        }

        var z = (sample.Average - reviewer.Mean) / reviewer.Spread;
        return Math.Clamp(_mean + (z * _spread), 1, 5);
    }

    /// <summary>The normalised average of an application's scores; null when nobody scored it.</summary>
    public double? NormalisedAverage(IReadOnlyCollection<ScoreSample> scoresOfOneApplication) =>
        scoresOfOneApplication.Count == 0 ? null : scoresOfOneApplication.Average(Corrected);

    private static (double Mean, double Spread, int Count) Describe(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 0, 0);
        }

        var mean = values.Average();
        var variance = values.Average(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(variance), values.Count);
    }
}
