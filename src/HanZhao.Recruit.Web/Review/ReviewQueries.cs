using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review;

/// <summary>Reads the review pages need that <see cref="QueryReader"/> does not offer.</summary>
public static class ReviewQueries
{
    /// <summary>
    /// A yes/no value as the pages write it ("true", "false", any case); absent is false. Anything
    /// else is recorded as a problem (a form that posts it is broken) and read as false.
    /// </summary>
    public static bool Flag(this QueryReader query, string key)
    {
        if (query.Raw(key) is not { } text)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        query.Refuse(key, text);
        return false;
    }
}
