using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HanZhao.Recruit.Tests.Account;

/// <summary>
/// The app with the professor configured, sign-in rate limit raised far above what one class sends,
/// and sessions checked against the database on every request (production: every minute), so a
/// disabled account or "sign out everywhere" shows at once. Log messages are kept for assertions.
/// </summary>
public class StaffAppFactory : RecruitAppFactory
{
    public const string ProfessorEmail = "han.zhao@recruit.test";
    public const string ProfessorPassword = "correct lanterns over the huangpu";

    public StaffAppFactory()
    {
        Settings["Recruit:StaffSignIn:ClientPermitLimit"] = "10000";
        Settings["Recruit:StaffSignIn:SessionCheckInterval"] = "00:00:00";
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
    }

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    public async Task<RecruitUser> FindUserAsync(string email)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException("No user " + email);
    }
}

/// <summary>No admin settings: the first start must not invent a password.</summary>
public sealed class UnconfiguredStaffAppFactory : StaffAppFactory
{
    public UnconfiguredStaffAppFactory()
    {
        Settings.Remove("Recruit:AdminEmail");
        Settings.Remove("Recruit:AdminPassword");
    }
}

/// <summary>An address but no password: the account is created without one.</summary>
public sealed class EmailOnlyStaffAppFactory : StaffAppFactory
{
    public EmailOnlyStaffAppFactory() => Settings.Remove("Recruit:AdminPassword");
}

/// <summary>A low per-client limit, to see the 429.</summary>
public sealed class StaffRateLimitAppFactory : StaffAppFactory
{
    public const int Limit = 3;

    public StaffRateLimitAppFactory() => Settings["Recruit:StaffSignIn:ClientPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class CapturingLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}

/// <summary>What a browser does on the staff account pages.</summary>
public static partial class StaffSteps
{
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/signin", "/account/signin", [new("email", email), new("password", password)]);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(page, action, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>Sets the password through a set-password link (GET shows the form, POST uses the token).</summary>
    public static async Task<HttpResponseMessage> UseSetPasswordLinkAsync(this HttpClient client, Uri link, string password)
    {
        var query = ParseQuery(link);
        return await client.PostAsync(link.PathAndQuery, "/account/set-password",
            ("userId", query["userId"]), ("token", query["token"]), ("password", password), ("confirmPassword", password));
    }

    public static Dictionary<string, string> ParseQuery(Uri link) =>
        link.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    public static Uri LinkIn(string text)
    {
        var match = SetPasswordLink().Match(text);
        Assert.True(match.Success, "No set-password link in: " + text);
        return new Uri(match.Value);
    }

    public static async Task<Uri> InvitationLinkAsync(this RecruitAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        var message = await db.EmailMessages.Where(m => m.Kind == "Invitation" && m.ToAddress == email)
            .OrderByDescending(m => m.CreatedAtUtc).FirstAsync();
        return LinkIn(message.TextBody);
    }

    /// <summary>
    /// A password-reset token as Identity's DataProtectorTokenProvider writes it, created at
    /// <paramref name="createdAt"/>: stands in for waiting days for a link to expire.
    /// </summary>
    public static async Task<string> ResetTokenCreatedAtAsync(this RecruitAppFactory app, string userId, DateTimeOffset createdAt)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No user.");
        var stamp = await users.GetSecurityStampAsync(user);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(createdAt.UtcTicks);
            writer.Write(userId);
            writer.Write(UserManager<RecruitUser>.ResetPasswordTokenPurpose);
            writer.Write(stamp ?? string.Empty);
        }

        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("DataProtectorTokenProvider");
        return Convert.ToBase64String(protector.Protect(stream.ToArray()));
    }

    public static string SharedKeyIn(string html)
    {
        var match = SharedKey().Match(html);
        Assert.True(match.Success, "No shared key on the page.");
        return match.Groups["key"].Value;
    }

    public static IReadOnlyList<string> RecoveryCodesIn(string html) =>
        [.. RecoveryCode().Matches(html).Select(m => m.Groups["code"].Value)];

    public static Uri SetupLinkIn(string text)
    {
        var match = SetupLink().Match(text);
        Assert.True(match.Success, "No set-up link in: " + text);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/account/setup\?token=[^\s""<>]+")]
    private static partial Regex SetupLink();

    [GeneratedRegex(@"https?://[^\s""<>]+/account/set-password\?userId=[^\s&""<>]+&token=[^\s""<>]+")]
    private static partial Regex SetPasswordLink();

    [GeneratedRegex(@"<code id=""shared-key"">(?<key>[A-Z2-7]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex(@"<li><code>(?<code>[^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) from an RFC 4648 Base32 key, as an authenticator app computes it.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xff);
            counter >>= 8;
        }

        // SHA-1 is what RFC 6238 and every authenticator app use; HMAC-SHA1 is not broken.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
