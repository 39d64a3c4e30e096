using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Account;

public class PasswordRuleTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private async Task<IdentityResult> CreateWithPasswordAsync(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var email = $"rules-{Guid.NewGuid():N}@recruit.test";
        return await users.CreateAsync(new RecruitUser { UserName = email, Email = email, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime }, password);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("correcthorsebatterystaple")]
    public async Task A_common_password_is_refused(string password)
    {
        var result = await CreateWithPasswordAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == PasswordRules.TooCommonCode);
    }

    [Fact]
    public async Task An_11_character_password_is_refused()
    {
        var result = await CreateWithPasswordAsync("elevenchars");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
    }

    [Fact]
    public async Task Passwords_of_12_and_128_characters_without_digits_or_capitals_are_accepted()
    {
        Assert.True((await CreateWithPasswordAsync("lanterns sea")).Succeeded);
        var long128 = string.Concat(Enumerable.Repeat("tea and dumplings ", 8))[..128];
        Assert.Equal(128, long128.Length);
        Assert.True((await CreateWithPasswordAsync(long128)).Succeeded);
        Assert.True((await CreateWithPasswordAsync("上海交通大学计算机系的春天很美")).Succeeded);
    }

    [Fact]
    public async Task A_password_over_256_characters_is_refused_with_a_message()
    {
        var result = await CreateWithPasswordAsync(new string('x', 100) + new string('y', 100) + new string('z', 57));

        Assert.Contains(result.Errors, e => e.Code == PasswordRules.TooLongCode);
    }

    [Fact]
    public void The_built_in_list_holds_at_least_100_common_passwords_of_12_characters_or_more()
    {
        Assert.True(PasswordRules.CommonPasswords.Count(p => p.Length >= PasswordRules.MinLength) >= 100);
    }
}
