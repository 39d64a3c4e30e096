namespace HanZhao.Recruit.Web.Platform.Errors;

public static class ErrorSetup
{
    /// <summary>
    /// Friendly pages for every error status; the stack trace only in Development.
    /// HSTS and the https redirect outside Development, where the site runs behind TLS.
    /// </summary>
    public static WebApplication UseRecruitErrorHandling(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
