using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// Writes real PDF files byte by byte (a catalog, a page tree, pages, a content stream, a
/// cross-reference table and a trailer), so tests can send what a PDF reader really opens, and
/// hostile variants of it: extra catalog or page entries (actions, attachments), extra objects, and
/// the standard password security handler (RC4, revision 2) with a user and an owner password.
/// Object numbers: 1 the catalog, 2 the page tree, 3 the content stream every page shares, then the
/// pages, then <see cref="ExtraObjects"/> (see <see cref="ExtraObjectNumber"/>).
/// </summary>
public sealed class TestPdf
{
    /// <summary>The padding every PDF password is completed with (ISO 32000-1, 7.6.3.3).</summary>
    private static readonly byte[] PasswordPadding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    public int Pages { get; init; } = 1;

    /// <summary>Written inside the catalog dictionary, e.g. "/OpenAction &lt;&lt; /S /JavaScript /JS (x) &gt;&gt;".</summary>
    public string CatalogEntries { get; init; } = string.Empty;

    /// <summary>Written inside every page dictionary, e.g. "/Annots [...]".</summary>
    public string PageEntries { get; init; } = string.Empty;

    /// <summary>Whole objects ("&lt;&lt; ... &gt;&gt;" or a dictionary and a stream), numbered from <see cref="ExtraObjectNumber"/>(0).</summary>
    public IReadOnlyList<string> ExtraObjects { get; init; } = [];

    /// <summary>When set, the file is encrypted and a reader needs this password to open it ("" opens without one).</summary>
    public string? UserPassword { get; init; }

    /// <summary>The password that lifts the restrictions; used only when <see cref="UserPassword"/> is set.</summary>
    public string OwnerPassword { get; init; } = "owner password";

    /// <summary>A plain, readable one-page PDF.</summary>
    public static byte[] Plain(int size = 2048) => new TestPdf().ToBytes(size);

    public int ExtraObjectNumber(int index) => 4 + Pages + index;

    /// <summary>The file, padded (inside the content stream, which stays blank) to <paramref name="size"/> bytes when it is larger than the smallest the file can be.</summary>
    public byte[] ToBytes(int size = 0)
    {
        var padding = 0;
        var bytes = Write(padding);
        // The start of the cross-reference table moves with the padding, and its digits may too; two rounds settle it.
        for (var round = 0; round < 3 && bytes.Length != size && size > bytes.Length - padding; round++)
        {
            padding += size - bytes.Length;
            bytes = Write(padding);
        }

        return bytes;
    }

    private byte[] Write(int padding)
    {
        var id = MD5Of(Encoding.ASCII.GetBytes($"{Pages}{CatalogEntries}{PageEntries}{padding}"));
        var encryption = UserPassword is null ? null : Encryption.Create(UserPassword, OwnerPassword, id);
        var pageNumbers = Enumerable.Range(4, Pages).ToList();
        var objects = new List<byte[]>
        {
            Latin1($"<< /Type /Catalog /Pages 2 0 R {CatalogEntries} >>"),
            Latin1($"<< /Type /Pages /Kids [{string.Join(' ', pageNumbers.Select(n => $"{n} 0 R"))}] /Count {Pages} >>"),
            Stream(3, Blank(padding), encryption),
        };
        objects.AddRange(pageNumbers.Select(_ => Latin1($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R {PageEntries} >>")));
        objects.AddRange(ExtraObjects.Select(Latin1));
        if (encryption is not null)
        {
            objects.Add(Latin1(encryption.Dictionary));
        }

        using var file = new MemoryStream();
        // A comment line right after the header: benchmarks change a byte there to make files differ.
        Append(file, "%PDF-1.4\n%HanZhao.Recruit test document\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(file.Position);
            Append(file, $"{i + 1} 0 obj\n");
            file.Write(objects[i]);
            Append(file, "\nendobj\n");
        }

        var xref = file.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var encrypt = encryption is null ? string.Empty : $"/Encrypt {objects.Count} 0 R ";
        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {encrypt}/ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>] >>\nstartxref\n{xref}\n%%EOF\n");
        Append(file, table.ToString());
        return file.ToArray();
    }

    private static byte[] Stream(int objectNumber, byte[] data, Encryption? encryption)
    {
        var content = encryption?.EncryptObject(objectNumber, data) ?? data;
        return [.. Latin1($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Latin1("\nendstream")];
    }

    private static byte[] Blank(int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)' ');
        return bytes;
    }

    private static void Append(Stream stream, string text) => stream.Write(Latin1(text));

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    // MD5 and RC4 are what the PDF standard security handler (revision 2) is made of: the tests must
    // write what real, old-fashioned password-protected files contain. Nothing here protects data.
#pragma warning disable CA5351
    private static byte[] MD5Of(byte[] data) => MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }

    private static byte[] Padded(string password) =>
        [.. Encoding.Latin1.GetBytes(password).Take(32), .. PasswordPadding.Take(32 - Math.Min(32, password.Length))];

    /// <summary>The standard security handler, revision 2 (40-bit RC4): ISO 32000-1, algorithms 2, 3 and 4.</summary>
    private sealed class Encryption
    {
        /// <summary>Reading only: no printing, changing or copying, as "restrict editing" tools write.</summary>
        private const int Permissions = -64;

        private Encryption(byte[] key, string dictionary)
        {
            Key = key;
            Dictionary = dictionary;
        }

        public byte[] Key { get; }

        public string Dictionary { get; }

        public static Encryption Create(string userPassword, string ownerPassword, byte[] documentId)
        {
            var owner = Rc4(MD5Of(Padded(ownerPassword))[..5], Padded(userPassword));
            var key = MD5Of([.. Padded(userPassword), .. owner, .. BitConverter.GetBytes(Permissions), .. documentId])[..5];
            var user = Rc4(key, PasswordPadding);
            return new Encryption(key,
                $"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {Permissions} >>");
        }

        public byte[] EncryptObject(int objectNumber, byte[] data)
        {
            byte[] salt = [(byte)objectNumber, (byte)(objectNumber >> 8), (byte)(objectNumber >> 16), 0, 0];
            return Rc4(MD5Of([.. Key, .. salt])[..10], data);
        }
    }
}
