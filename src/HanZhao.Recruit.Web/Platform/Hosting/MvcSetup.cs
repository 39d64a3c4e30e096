using System.Text.Encodings.Web;
using System.Text.Unicode;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace HanZhao.Recruit.Web.Platform.Hosting;

public static class MvcSetup
{
    public static IServiceCollection AddRecruitMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
            {
                // Every POST, PUT, PATCH and DELETE must carry the antiforgery token; no action can forget it.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Query models (Platform/Queries) read and check themselves; first, before the complex-type binder.
                options.ModelBinderProviders.Insert(0, new QueryModelBinderProvider());
                // Every GET page answers HEAD too.
                options.Conventions.Add(new HeadLikeGet());
                // Enums by name only, as query models read them: "1" or "Cv, Other" is not a choice a page offers.
                options.ModelBinderProviders.Insert(1, new EnumNameBinderProvider());
            })
            .AddViewLocalization()
            // Validation messages are English keys translated through the shared resource.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider =
                (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));
        // Razor would otherwise write every Chinese character as &#x...; (safe, but triple the bytes
        // and unreadable in page source). HTML-significant characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddSingleton(new OperatorConsole(Console.Out));
        services.AddSingleton<SiteAddress>();
        return services;
    }
}
