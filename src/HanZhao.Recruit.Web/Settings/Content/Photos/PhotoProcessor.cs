using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace HanZhao.Recruit.Web.Settings.Content.Photos;

/// <summary>One re-encoded width of an uploaded photo.</summary>
public sealed record RenditionBytes(int Width, int Height, byte[] Bytes);

/// <summary>An upload made servable: its renditions and the fingerprint that names them.</summary>
public sealed record ProcessedPhoto(string Fingerprint, int Width, int Height, IReadOnlyList<RenditionBytes> Renditions);

/// <summary>Why an upload was refused: an English message the caller localizes.</summary>
public sealed record PhotoRefusal(string Message);

/// <summary>
/// Turns uploaded bytes into photos the site can serve. The format is told by the bytes alone
/// (never the name or the Content-Type), the dimensions are checked before anything is decoded (a
/// small file can declare a gigantic image), the whole image must decode, and nothing may follow
/// the image's end or look like markup (a file that is an image and an HTML page at once). The
/// pixels are then re-encoded as WebP at <see cref="Widths"/>: no uploaded byte (EXIF, GPS, a
/// colour profile, a payload) reaches a visitor.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Each side at most this many pixels, and <see cref="MaxPixels"/> in all.</summary>
    public const int MaxSide = 8000;

    public const long MaxPixels = 40_000_000;

    /// <summary>The widths served (a narrower original gives its own width, never an enlargement).</summary>
    public static readonly int[] Widths = [160, 320, 640];

    private const int Quality = 82;

    private static readonly string[] Markup = ["<html", "<script", "<svg", "<?php", "<body", "<iframe", "<!doctype", "<?xml"];

    public static (ProcessedPhoto? Photo, PhotoRefusal? Refusal) Process(byte[] upload)
    {
        if (upload.Length == 0)
        {
            return Refuse("Choose a photo to upload.");
        }

        if (upload.Length > MaxBytes)
        {
            return Refuse("The photo can be at most 5 MB.");
        }

        var format = Sniff(upload);
        if (format is null)
        {
            return Refuse("The file is not a JPEG, PNG or WebP image.");
        }

        var ending = Ending(upload, format.Value);
        if (ending == End.Missing)
        {
            return Refuse("The image cannot be read: it may be damaged or incomplete.");
        }

        if (ending == End.Trailing || ContainsMarkup(upload))
        {
            return Refuse("The file holds something besides the image. Save it again from a photo editor and upload that.");
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return Refuse("The image cannot be read: it may be damaged or incomplete.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return Refuse("The image is too large: at most 8000 pixels a side.");
        }

        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return Refuse("The image cannot be read: it may be damaged or incomplete.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var renditions = Widths.Select(w => Encode(upright, Math.Min(w, upright.Width))).DistinctBy(r => r.Width).ToList();
        var largest = renditions[^1];
        return (new ProcessedPhoto(Fingerprint(renditions), largest.Width, largest.Height, renditions), null);
    }

    /// <summary>The format the first bytes announce: JPEG (FF D8 FF), PNG (its 8-byte signature) or WebP (RIFF....WEBP).</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            ? SKEncodedImageFormat.Webp
            : null;
    }

    /// <summary>
    /// Where the image's own end is: PNG ends with its IEND chunk, JPEG with FF D9 (zero padding
    /// allowed, as some cameras write it), WebP where its RIFF header says. Bytes after it are
    /// something else riding along; no end at all is a cut-off file.
    /// </summary>
    private static End Ending(byte[] bytes, SKEncodedImageFormat format)
    {
        var span = bytes.AsSpan();
        switch (format)
        {
            case SKEncodedImageFormat.Png:
                ReadOnlySpan<byte> iend = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
                var at = span.LastIndexOf(iend);
                return at < 0 ? End.Missing : at + iend.Length == span.Length ? End.Clean : End.Trailing;
            case SKEncodedImageFormat.Jpeg:
                var eoi = span.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]);
                return eoi < 2 ? End.Missing : span[(eoi + 2)..].ContainsAnyExcept((byte)0) ? End.Trailing : End.Clean;
            default:
                var declared = BitConverter.ToUInt32(bytes, 4) + 8L;
                declared += declared % 2; // RIFF pads an odd size
                return declared > bytes.Length + 1 ? End.Missing : declared < bytes.Length ? End.Trailing : End.Clean;
        }
    }

    /// <summary>An HTML, SVG or script opening anywhere in the file (compressed image data practically never spells one).</summary>
    private static bool ContainsMarkup(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        return Markup.Any(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase));
    }

    private static SKBitmap? Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>Applies the EXIF orientation (a phone's portrait photo is stored sideways) before the EXIF is dropped.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var quarter = degrees % 180 != 0;
        var (w, h) = quarter ? (source.Height, source.Width) : (source.Width, source.Height);
        var upright = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.Translate(w / 2f, h / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return upright;
    }

    private static RenditionBytes Encode(SKBitmap source, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        using var resized = source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidOperationException("Resize failed.");
        using var image = SKImage.FromBitmap(resized);
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, Quality);
        return new RenditionBytes(width, height, encoded.ToArray());
    }

    private static string Fingerprint(IEnumerable<RenditionBytes> renditions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var rendition in renditions)
        {
            hash.AppendData(rendition.Bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
    }

    private enum End
    {
        Clean,
        Missing,
        Trailing,
    }

    private static (ProcessedPhoto?, PhotoRefusal?) Refuse(string message) => (null, new PhotoRefusal(message));
}
