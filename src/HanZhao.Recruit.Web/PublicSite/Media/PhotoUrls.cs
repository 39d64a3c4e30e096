using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Settings.Content.Photos;

namespace HanZhao.Recruit.Web.PublicSite.Media;

/// <summary>The addresses of a photo's renditions, for <c>src</c> and <c>srcset</c>.</summary>
public static class PhotoUrls
{
    /// <summary>The widths stored for a photo whose largest rendition is <see cref="Photo.Width"/> wide.</summary>
    public static IReadOnlyList<int> Widths(Photo photo) =>
        [.. PhotoProcessor.Widths.Select(w => Math.Min(w, photo.Width)).Distinct()];

    /// <summary>The narrowest rendition at least <paramref name="width"/> wide (or the largest).</summary>
    public static string Src(Photo photo, int width)
    {
        var widths = Widths(photo);
        return Url(photo, widths.FirstOrDefault(w => w >= width, widths[^1]));
    }

    public static string SrcSet(Photo photo) =>
        string.Join(", ", Widths(photo).Select(w => string.Create(CultureInfo.InvariantCulture, $"{Url(photo, w)} {w}w")));

    /// <summary>The height at <paramref name="width"/> keeping the photo's proportions (for the img's height attribute).</summary>
    public static int HeightAt(Photo photo, int width) => Math.Max(1, (int)Math.Round((double)photo.Height * width / photo.Width));

    public static string Url(Photo photo, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"/media/photos/{photo.Fingerprint}-{width}.webp");
}
