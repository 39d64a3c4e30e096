using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace HanZhao.Recruit.Tests.Settings.Content.Photos;

/// <summary>Images made here for the upload tests (nothing from outside): real ones of each format and crafted bad ones.</summary>
public static class TestImages
{
    /// <summary>A gradient with a square, so a re-encoding has something to compress.</summary>
    public static byte[] Make(SKEncodedImageFormat format, int width = 800, int height = 600)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
            using var square = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, square);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment (APP1) right after its start, carrying <paramref name="marker"/> as a camera would carry GPS.</summary>
    public static byte[] JpegWithExif(string marker)
    {
        var jpeg = Make(SKEncodedImageFormat.Jpeg);
        var payload = new List<byte>();
        payload.AddRange("Exif\0\0"u8.ToArray());
        // TIFF header (little-endian), first IFD at 8 with no entries; the marker follows as unreferenced data.
        payload.AddRange([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        payload.AddRange(Encoding.ASCII.GetBytes(marker));
        var length = payload.Count + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    /// <summary>A PNG that declares <paramref name="width"/> × <paramref name="height"/> but holds almost no data: a decompression bomb's header.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9]) = (8, 6); // 8-bit RGBA
        var idat = new byte[] { 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 };
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string action, byte[] bytes, string fileName, string contentType)
    {
        var token = await client.GetAntiforgeryTokenAsync(page);
        using var form = new MultipartFormDataContent { { new StringContent(token), HtmlForms.AntiforgeryField } };
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "photo", fileName);
        return await client.PostAsync(action, form);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
