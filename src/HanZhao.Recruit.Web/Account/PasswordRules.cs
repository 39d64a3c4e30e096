using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Passwords are judged by length and by how guessable they are, never by composition (NIST SP
/// 800-63B, ASVS 2.1): at least 12 characters (Identity's RequiredLength), at most
/// <see cref="MaxLength"/>, and not one of the passwords attackers try first. Every Unicode
/// character and spaces are allowed, so a passphrase in Chinese works.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<RecruitUser>
{
    public const int MinLength = 12;

    /// <summary>Far above what anyone types; only stops a megabyte "password" from being hashed.</summary>
    public const int MaxLength = 256;

    public const string TooLongCode = "PasswordTooLong";
    public const string TooCommonCode = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<RecruitUser> manager, RecruitUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooLongCode,
                Description = $"Passwords can have at most {MaxLength} characters.",
            }));
        }

        return Task.FromResult(IsTooCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = TooCommonCode, Description = "This password is too common. Choose another." })
            : IdentityResult.Success);
    }

    /// <summary>
    /// In the list (ignoring case and surrounding spaces), one character repeated, a run of a
    /// keyboard row or of the alphabet or digits, or the account's own email address.
    /// </summary>
    public static bool IsTooCommon(string password, string? email = null)
    {
        var candidate = password.Trim().ToLowerInvariant();
        if (candidate.Length == 0 || CommonPasswords.Contains(candidate))
        {
            return true;
        }

        if (candidate.All(c => c == candidate[0]))
        {
            return true;
        }

        if (Sequences.Any(s => s.Contains(candidate, StringComparison.Ordinal)))
        {
            return true;
        }

        return email is not null
            && (candidate.Equals(email, StringComparison.OrdinalIgnoreCase)
                || candidate.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] Sequences =
    [
        "01234567890123456789012345678901234567890", "98765432109876543210987654321098765432109",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponmlkjihgfedcba",
        "qwertyuiopasdfghjklzxcvbnm", "qwertyuiop[]asdfghjkl;'zxcvbnm,./", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
        "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "!@#$%^&*()_+", "1234567890-=qwertyuiop[]",
    ];

    /// <summary>Lower-cased. Passwords of 12 or more characters that breach corpora show again and again.</summary>
    public static IReadOnlySet<string> CommonPasswords { get; } = CommonPasswordList
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => p.ToLowerInvariant())
        .ToHashSet(StringComparer.Ordinal);

    private const string CommonPasswordList = """
        password1234
        password12345
        password123456
        password1234567
        password123!
        password123!!
        password!234
        passwordpassword
        password1password
        passw0rd1234
        p@ssw0rd1234
        p@ssword1234
        p@ssw0rd123!
        mypassword123
        mypassword1234
        thisismypassword
        mysecretpassword
        testpassword
        testpassword1
        testtest1234
        test12345678
        default12345
        changeme1234
        changeme123456
        administrator
        administrator1
        admin1234567
        admin12345678
        admin@123456
        adminadmin123
        access123456
        123456789012
        1234567890123
        12345678901234
        123456789123
        1234567891011
        123456789101
        123123123123
        111111111111
        000000000000
        121212121212
        123412341234
        123454321123
        147258369147
        159357159357
        741852963741
        987654321098
        098765432109
        012345678901
        0123456789ab
        1234567890qwe
        1234567890abc
        1234567890qwerty
        qwertyuiop12
        qwertyuiop123
        qwerty123456
        qwerty1234567
        qwerty12345678
        qwertyqwerty
        qwe123456789
        qwer1234asdf
        1234qwerasdf
        1234qwerasdfzxcv
        asdf1234qwer
        asdfghjkl123
        asdfasdfasdf
        zxcvbnm12345
        zxcvbnm123456
        1qaz2wsx3edc
        1qaz2wsx3edc4rfv
        1qazxsw23edc
        !qaz2wsx#edc
        zaq12wsxcde3
        zaq1xsw2cde3
        qazwsxedcrfv
        qazwsxedc123
        1q2w3e4r5t6y
        q1w2e3r4t5y6
        a1b2c3d4e5f6
        abcdefghijkl
        abc123456789
        abcd12345678
        abc123abc123
        abcabcabcabc
        a123456789012
        aa1234567890
        iloveyou1234
        iloveyou123456
        iloveyou4ever
        iloveyoubaby
        loveyoubaby1
        iloveyouforever
        welcome12345
        welcome123456
        welcome@1234
        welcome2024!
        welcome2025!
        welcome2026!
        letmein12345
        letmein123456
        letmeinplease
        trustno1trustno1
        football1234
        football123456
        baseball1234
        basketball12
        basketball123
        starwars1234
        princess1234
        sunshine1234
        superman1234
        batman123456
        dragon123456
        monkey123456
        michael12345
        jennifer1234
        charlie12345
        michelle1234
        jordan232323
        liverpool1234
        chelsea12345
        manchester12
        manchesterunited
        arsenal12345
        computer1234
        internet1234
        samsung12345
        whatever1234
        nothing12345
        secret123456
        master123456
        hello1234567
        hello123456789
        helloworld123
        helloworld1234
        elephant1234
        baby12345678
        angel1234567
        summer2024!!
        winter2024!!
        spring2025!!
        password2024
        password2025
        password2026
        correcthorsebatterystaple
        loveyou1314520
        woaini1314520
        woaini520520
        woaini123456
        woaini1314521
        aini13145201314
        5201314520520
        13145201314520
        5201314woaini
        woaiwojia123
        zhang123456789
        wang12345678
        li1234567890
        chen12345678
        liu123456789
        shanghai1234
        shanghai123456
        beijing12345
        beijing123456
        china1234567
        chinese12345
        sjtu12345678
        sjtu20242024
        computerscience
        hanzhao12345
        hanzhao123456
        zhaohan12345
        zhaohan123456
        """;
}
