using Microsoft.AspNetCore.DataProtection;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The first-start link when no <c>Recruit:AdminEmail</c> is configured: a Data Protection payload
/// that expires after <see cref="StaffPasswordLinks.Lifetime"/>. It names no account; it works only
/// while no professor exists, so it works once. Keys live in the database, so a restart keeps it valid.
/// </summary>
public static class ProfessorSetupLinks
{
    public const string Path = "/account/setup";
    private const string Purpose = "HanZhao.Recruit.ProfessorSetup";
    private const string Payload = "professor-setup";

    /// <summary>The link's path and query, as <see cref="StaffPasswordLinks.CreateAsync"/> gives it.</summary>
    public static string Create(IDataProtectionProvider protection)
    {
        var token = Protector(protection).Protect(Payload, StaffPasswordLinks.Lifetime);
        return $"{Path}?token={Uri.EscapeDataString(token)}";
    }

    public static bool IsValid(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return false;
        }

        try
        {
            return Protector(protection).Unprotect(token, out _) == Payload;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
