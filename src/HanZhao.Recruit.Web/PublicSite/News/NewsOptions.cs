namespace HanZhao.Recruit.Web.PublicSite.News;

/// <summary>How much news the public pages show (configuration section <c>Recruit:News</c>).</summary>
public sealed class NewsOptions
{
    public const string Section = "Recruit:News";

    /// <summary>The latest items the homepage lists before "All news".</summary>
    public int HomeCount { get; set; } = 5;

    /// <summary>Items per page of /news.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>The latest items the feed carries (feed readers keep what they have read before).</summary>
    public int FeedCount { get; set; } = 50;
}
