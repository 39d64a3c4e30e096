namespace HanZhao.Recruit.Web.Platform.Hosting;

public static class SiteAddressReport
{
    /// <summary>
    /// Once the server listens, says which address the site's links use, and warns outside
    /// Development when it is only the listening address (emailed links then point there). With no
    /// configured address and no listening address the site could not write a working link: it stops.
    /// </summary>
    public static WebApplication ReportSiteAddress(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var site = app.Services.GetRequiredService<SiteAddress>();
            try
            {
                if (site.IsConfigured || app.Environment.IsDevelopment())
                {
                    app.Logger.LogInformation("Links in pages and emails use {Address}", site.Root);
                }
                else
                {
                    app.Logger.LogWarning(
                        "Recruit:PublicUrl is not set: links in emails use {Address}, the address the server listens on, and requests for other host names get 400. Set Recruit:PublicUrl to the address visitors use.",
                        site.Root);
                }
            }
            catch (InvalidOperationException error)
            {
                app.Logger.LogCritical("{Problem}", error.Message);
                app.Lifetime.StopApplication();
            }
        });
        return app;
    }
}
