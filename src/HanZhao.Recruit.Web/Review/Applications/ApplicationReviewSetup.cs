using HanZhao.Recruit.Web.Review.Applications;

// In the Review namespace so Program.cs, which already uses it, needs no extra using.
namespace HanZhao.Recruit.Web.Review;

public static class ApplicationReviewSetup
{
    public static IServiceCollection AddApplicationReview(this IServiceCollection services) =>
        services.AddScoped<ApplicationReview>();
}
