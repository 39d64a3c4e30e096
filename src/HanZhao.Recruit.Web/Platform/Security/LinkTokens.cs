using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// The secrets in emailed links and session cookies: 256 random bits, URL-safe. The database keeps
/// only their SHA-256, so a copy of it opens no link and no session.
/// </summary>
public static class LinkTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token: what the database keeps instead of it.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
