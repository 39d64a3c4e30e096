using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.Extensions.Configuration;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>How often an instance reads the public-content stamp (docs/SCALING.md): a wrong value stops the start, naming the setting.</summary>
public class PublicContentVersionSettingTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("00:00:00", 0)]
    [InlineData("00:00:05", 5)]
    [InlineData("01:00:00", 3600)]
    public void The_check_interval_is_read_from_configuration(string? value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Versions(value).CheckInterval);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("01:00:01")]
    [InlineData("soon")]
    public void A_negative_overlong_or_unreadable_interval_is_an_error_that_names_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Versions(value));

        Assert.Contains(PublicContentVersions.IntervalSetting, error.Message, StringComparison.Ordinal);
    }

    // Only the configuration is read when it is made; the database and the cache are used by CheckAsync.
    private static PublicContentVersions Versions(string? value) =>
        new(null!, null!, TimeProvider.System, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PublicContentVersions.IntervalSetting] = value }).Build());
}
