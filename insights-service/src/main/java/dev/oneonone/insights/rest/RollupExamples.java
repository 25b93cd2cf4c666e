package dev.oneonone.insights.rest;

/** Example answers shown in the OpenAPI document. */
final class RollupExamples {
    static final String ROLLUP = """
            {"scope":{"kind":"DEPARTMENT","key":"ENG"},"asOf":"2026-11-23","suppressed":false,
             "figures":{"people":54,"series":51,
               "health":{"healthy":41,"atRisk":6,"overdue":3,"noOneOnOne":2,"paused":1},
               "followThrough":{"due":120,"completedOnTime":96,"rate":0.8,"openOverdue":9},
               "adherenceAverage":0.87,
               "coverage":{"withManager":52,"covered":50,"rate":0.9615}},
             "attentionCount":11,
             "attention":[{"reasons":["OVERDUE"],"seriesId":"5b1f0c9e-8d1a-4a43-9a56-2f0e8f1c0a11",
               "leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01","companionId":"0c6e2a4b-1f3d-4e5a-8b7c-9d0e1f2a3b4c",
               "relationship":"MANAGER_REPORT","cadence":"WEEKLY","health":"OVERDUE","gapDays":23,
               "followThroughRate":0.5,"agreementsDue":4,"recommendations":["GAP_OVER_TWO_WEEKS"]},
              {"reasons":["NO_ONE_ON_ONE"],"leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01",
               "companionId":"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"}],
             "trend":[{"weekEnd":"2026-11-16","suppressed":false,"figures":{"people":53,"series":50,
               "health":{"healthy":42,"atRisk":5,"overdue":2,"noOneOnOne":3,"paused":1},
               "followThrough":{"due":112,"completedOnTime":90,"rate":0.8036,"openOverdue":8},
               "adherenceAverage":0.88,"coverage":{"withManager":51,"covered":48,"rate":0.9412}}},
              {"weekEnd":"2026-11-23","suppressed":false,"figures":{"people":54,"series":51,
               "health":{"healthy":41,"atRisk":6,"overdue":3,"noOneOnOne":2,"paused":1},
               "followThrough":{"due":120,"completedOnTime":96,"rate":0.8,"openOverdue":9},
               "adherenceAverage":0.87,"coverage":{"withManager":52,"covered":50,"rate":0.9615}}}]}""";

    static final String SUPPRESSED = """
            {"scope":{"kind":"TEAM","key":"DESIGN-OPS"},"asOf":"2026-11-23","suppressed":true}""";

    /** A page of departments without its closing brace, which {@link #PAGE} and {@link #DEPARTMENT_PAGE} add. */
    private static final String PAGE_OPEN = """
            {"asOf":"2026-11-23","total":14,"next":"b2Zmc2V0OjI",
             "items":[{"scope":{"kind":"DEPARTMENT","key":"ENG"},"asOf":"2026-11-23","suppressed":false,
               "figures":{"people":54,"series":51,"health":{"healthy":41,"atRisk":6,"overdue":3,"noOneOnOne":2,"paused":1},
                 "followThrough":{"due":120,"completedOnTime":96,"rate":0.8,"openOverdue":9},"adherenceAverage":0.87,
                 "coverage":{"withManager":52,"covered":50,"rate":0.9615}},"attentionCount":11},
              {"scope":{"kind":"DEPARTMENT","key":"LEGAL"},"asOf":"2026-11-23","suppressed":true}]""";

    static final String PAGE = PAGE_OPEN + "}";

    /** {@link #PAGE} with the people without a department. */
    static final String DEPARTMENT_PAGE = PAGE_OPEN + """
            ,"withoutDepartment":{"suppressed":false,
               "figures":{"people":4,"series":3,"health":{"healthy":3,"atRisk":0,"overdue":0,"noOneOnOne":0,"paused":0},
                 "followThrough":{"due":5,"completedOnTime":4,"rate":0.8,"openOverdue":1},"adherenceAverage":0.9,
                 "coverage":{"withManager":3,"covered":3,"rate":1.0}}}}""";

    static final String ATTENTION = """
            {"scope":{"kind":"ORGANISATION","key":null},"asOf":"2026-11-23","suppressed":false,"total":3,
             "items":[{"reasons":["OVERDUE","LOW_FOLLOW_THROUGH"],"seriesId":"5b1f0c9e-8d1a-4a43-9a56-2f0e8f1c0a11",
               "leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01","companionId":"0c6e2a4b-1f3d-4e5a-8b7c-9d0e1f2a3b4c",
               "relationship":"MANAGER_REPORT","cadence":"WEEKLY","health":"OVERDUE","gapDays":23,
               "followThroughRate":0.25,"agreementsDue":4,"recommendations":["GAP_OVER_TWO_WEEKS"]},
              {"reasons":["AT_RISK"],"seriesId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
               "leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01","companionId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
               "relationship":"MANAGER_REPORT","cadence":"WEEKLY","health":"AT_RISK","gapDays":12,"recommendations":[]},
              {"reasons":["NO_ONE_ON_ONE"],"leaderId":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01",
               "companionId":"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"}],"next":"b2Zmc2V0OjM"}""";

    static final String TREND = """
            {"scope":{"kind":"ORGANISATION","key":null},"asOf":"2026-11-23","weeks":2,
             "points":[{"weekEnd":"2026-11-16","suppressed":false,"figures":{"people":1200,"series":1105,
               "health":{"healthy":900,"atRisk":120,"overdue":70,"noOneOnOne":95,"paused":15},
               "followThrough":{"due":3100,"completedOnTime":2400,"rate":0.7742,"openOverdue":410},
               "adherenceAverage":0.84,"coverage":{"withManager":1190,"covered":1095,"rate":0.9202}}},
              {"weekEnd":"2026-11-23","suppressed":false,"figures":{"people":1204,"series":1110,
               "health":{"healthy":910,"atRisk":110,"overdue":75,"noOneOnOne":94,"paused":15},
               "followThrough":{"due":3180,"completedOnTime":2470,"rate":0.7767,"openOverdue":400},
               "adherenceAverage":0.85,"coverage":{"withManager":1194,"covered":1100,"rate":0.9213}}}]}""";

    static final String INVALID = """
            {"type":"https://oneonone.dev/problems/invalid-input","title":"Invalid input","status":400,
             "detail":"2 fields are invalid","instance":"/rollups/organisation",
             "errors":[{"field":"asOf","message":"must be a date such as 2026-11-23", "reason": "not-an-iso-date"},
                       {"field":"weeks","message":"must be a whole number from 1 to 52", "reason": "out-of-range"}]}""";

    private RollupExamples() {
    }
}
