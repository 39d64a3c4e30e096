namespace HanZhao.Recruit.Web.Platform.Errors;

public static class ErrorSetup
{
    /// <summary>
    /// Outside Development, where the site runs behind TLS, plain http is redirected to https. First
    /// in the pipeline, so nothing else (not even the culture cookie) is answered over plain http.
    /// </summary>
    public static WebApplication UseHttpsRedirectionOutsideDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>
    /// Friendly pages for every error status; the stack trace only in Development; HSTS outside it
    /// (inside the handler, so error pages carry it too). After <c>UseRequestLocalization</c>: an error
    /// page is re-executed inside the failed request and keeps that request's language (the
    /// re-executed path has lost its <c>?culture=</c>, and the cookie may say otherwise).
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
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
