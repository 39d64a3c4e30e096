using System.Net;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>What <c>Recruit:Proxy</c> makes of the forwarded-headers options (ReverseProxyTests runs them behind nginx).</summary>
public class TrustedProxiesTests
{
    [Fact]
    public void Only_the_named_proxies_and_networks_are_trusted_and_one_proxy_is_the_limit()
    {
        var options = Options(new()
        {
            ["Recruit:Proxy:KnownProxies"] = "10.0.0.5; 10.0.0.6",
            ["Recruit:Proxy:KnownNetworks:0"] = "192.168.10.0/24",
            ["Recruit:PublicUrl"] = "https://zhaohan.sjtu.edu.cn/recruit/",
            ["AllowedHosts"] = "*",
        });

        Assert.Equal(new[] { IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6") }, options.KnownProxies);
        Assert.Equal(new[] { System.Net.IPNetwork.Parse("192.168.10.0/24") }, options.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, options.ForwardedHeaders);
        Assert.Equal(1, options.ForwardLimit);
        Assert.Equal(new[] { "zhaohan.sjtu.edu.cn" }, options.AllowedHosts);
    }

    /// <summary>
    /// ASP.NET Core's defaults trust loopback. Empty lists would make its middleware trust every
    /// sender, which is why UseTrustedProxies adds no middleware at all then.
    /// </summary>
    [Fact]
    public void With_nothing_named_no_default_address_is_left()
    {
        var options = Options(new());

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Theory]
    [InlineData("Recruit:Proxy:KnownProxies", "proxy.campus")]
    [InlineData("Recruit:Proxy:KnownNetworks", "10.0.0.0/40")]
    [InlineData("Recruit:Proxy:ForwardLimit", "0")]
    [InlineData("Recruit:Proxy:ForwardLimit", "-1")]
    [InlineData("Recruit:Proxy:ForwardLimit", "two")]
    [InlineData("Recruit:Proxy:ForwardLimit", "11")]
    public void A_mistyped_address_is_an_error_that_names_it(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options(new() { [key] = value }));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_proxies_in_a_row_can_be_named()
    {
        Assert.Equal(2, Options(new() { ["Recruit:Proxy:ForwardLimit"] = "2" }).ForwardLimit);
    }

    private static ForwardedHeadersOptions Options(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddTrustedProxies()
            .BuildServiceProvider()
            .GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
}
