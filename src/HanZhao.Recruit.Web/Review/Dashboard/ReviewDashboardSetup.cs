using HanZhao.Recruit.Web.Review.Dashboard;

// In the Review namespace so Program.cs needs no extra using.
namespace HanZhao.Recruit.Web.Review;

public static class ReviewDashboardSetup
{
    public static IServiceCollection AddReviewDashboard(this IServiceCollection services) => services.AddScoped<ReviewDashboard>();
}
