namespace HanZhao.Recruit.Data.Content;

/// <summary>
/// An uploaded photo (the professor's or a lab member's) as the site serves it: never the uploaded
/// bytes, only <see cref="Renditions"/> decoded and re-encoded at a few widths. <see cref="Fingerprint"/>
/// names it in its URLs, so a new photo gets new URLs and the old ones can be cached forever.
/// </summary>
public class Photo
{
    public int Id { get; set; }

    /// <summary>Hex of a hash of the renditions' bytes: <c>/media/photos/{Fingerprint}-{width}.webp</c>.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>The largest rendition's size; the others keep its proportions.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<PhotoRendition> Renditions { get; set; } = [];
}

/// <summary>One width of a <see cref="Photo"/>, encoded as WebP.</summary>
public class PhotoRendition
{
    public int Id { get; set; }

    public int PhotoId { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public byte[] Bytes { get; set; } = [];
}
