using System.Text;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>Readable, stable addresses for publications: "taming-flexible-job-packing-in-deep-learning".</summary>
public static class PublicationSlugs
{
    private const int MaxLength = 60;

    public static string Create(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            // Cut at a word boundary so the address stays readable.
            var cut = text.LastIndexOf('-', MaxLength);
            text = text[..(cut > 20 ? cut : MaxLength)].Trim('-');
        }

        return text.Length == 0 ? "publication" : text;
    }

    /// <summary>A slug not in <paramref name="taken"/> (adding "-2", "-3" ...), which it then adds.</summary>
    public static string CreateUnique(string title, ISet<string> taken)
    {
        var slug = Create(title);
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
