/**
 * The embedded default model: the 10-component, 4-layer CXM implementation
 * model of Mardazad Navi et al. (2024), components listed layer by layer,
 * outer to inner. Generated from `data/models/cxm-10.json` by
 * `scripts/embed-model.mjs`; a test checks the two are identical.
 */
import type { Model } from "../types.js";

/** The CXM implementation model (Mardazad Navi et al. 2024). */
export const cxmModel: Model = {
  title: "Customer experience management (CXM) implementation model: 10 components in 4 layers",
  citation:
    "Mardazad Navi, P., Heidarzadeh Hanzaee, K., Mohammadi, S. B., & Khoon Siavash, M. (2024). Developing a Model for Successful Implementation of Customer Experience Management in Organizations: A Qualitative Study. Journal of Business Management, 16(2), 447-477. https://doi.org/10.22059/JIBM.2023.358529.4574 (in Persian)",
  doi: "10.22059/JIBM.2023.358529.4574",
  source:
    "Components, layers, sub-components and code counts read from the paper (Table 5 and the conceptual model); English wording follows the paper's English abstract, sub-component wording is a translation.",
  components: [
    {
      id: "LEAD",
      name: "Customer-focused leadership",
      name_fa: "رهبری متمرکز بر مشتری",
      layer: "L1",
      rank: 6,
      codes: 128,
      subcomponents: [
        {
          name: "Commitment to embedding CXM",
          name_fa: "اهتمام و تعهد به جاری سازی مدیریت تجربه مشتری",
          codes: 94,
        },
        {
          name: "Customer-centric decisions in resource management",
          name_fa: "تصمیم گیری مشتری محور در مدیریت منابع",
          codes: 34,
        },
      ],
    },
    {
      id: "CUL",
      name: "Customer-centric culture",
      name_fa: "فرهنگ سازمانی مشتری محور",
      layer: "L1",
      rank: 3,
      codes: 152,
      subcomponents: [
        {
          name: "Strengthening the organisation's belief in and commitment to customer-centricity",
          name_fa: "تقویت باور و اهتمام سازمان به مشتری محوری",
          codes: 36,
        },
        {
          name: "Attention to the organisation's atmosphere and environmental elements",
          name_fa: "توجه به اتمسفر و المانهای محیطی سازمان",
          codes: 18,
        },
        {
          name: "Building culture as a social construct",
          name_fa: "ایجاد فرهنگ بهعنوان یک برساخته",
          codes: 17,
        },
        {
          name: "Institutionalising customer-centric culture in the organisational DNA",
          name_fa: "نهادینگی فرهنگ مشتری محور در دی.ان.ای سازمانی",
          codes: 23,
        },
        {
          name: "Training-based development of customer-centric culture",
          name_fa: "توسعه فرهنگ مشتری محوری مبتنی بر آموزش",
          codes: 58,
        },
      ],
    },
    {
      id: "GOV",
      name: "Customer experience governance",
      name_fa: "حکمرانی تجربه مشتری",
      layer: "L2",
      rank: 4,
      codes: 147,
      subcomponents: [
        {
          name: "Outcome-oriented implementation planning",
          name_fa: "برنامه ریزی اجرای نتیجه محور",
          codes: 47,
        },
        {
          name: "Formulating the governance operating model",
          name_fa: "تدوین مدل عملیاتی اجرای حکمرانی",
          codes: 28,
        },
        {
          name: "Establishing the CX governance structure",
          name_fa: "ایجاد ساختار حکمرانی تجربه مشتری",
          codes: 72,
        },
      ],
    },
    {
      id: "STR",
      name: "Customer-centric strategic planning",
      name_fa: "برنامه ریزی استراتژیک مشتری محور",
      layer: "L2",
      rank: 8,
      codes: 54,
      subcomponents: [
        {
          name: "Strategic planning based on customer experience",
          name_fa: "برنامه ریزی استراتژیک مبتنی بر تجربه مشتری",
          codes: 34,
        },
        {
          name: "CX strategy and vision aligned with the organisation's vision and strategy",
          name_fa: "تعریف استراتژی و چشمانداز تجربه مشتری همسو با چشمانداز و استراتژی سازمان",
          codes: 20,
        },
      ],
    },
    {
      id: "BPM",
      name: "Management of organization and business processes",
      name_fa: "مدیریت سازمان و فرایندهای کسب و کار",
      layer: "L2",
      rank: 5,
      codes: 129,
      subcomponents: [
        {
          name: "Placing CXM processes within the organisation's processes",
          name_fa: "جانمایی فرایندهای مدیریت تجربه مشتری در فرایندهای سازمان",
          codes: 17,
        },
        {
          name: "Experience-driven re-engineering of business processes",
          name_fa: "مهندسی مجدد تجربه محور فرایندهای کسب و کار",
          codes: 92,
        },
        {
          name: "Aligning business processes with the CXM framework",
          name_fa: "همسوسازی فرایندهای کسب و کار با چارچوب مدیریت تجربه مشتری",
          codes: 20,
        },
      ],
    },
    {
      id: "PRC",
      name: "Customer experience design and implementation process",
      name_fa: "فرایند طراحی و پیاده سازی تجربه مشتری",
      layer: "L3",
      rank: 2,
      codes: 183,
      subcomponents: [
        {
          name: "Understanding customers",
          name_fa: "شناخت مشتریان",
          codes: 60,
        },
        {
          name: "Customer journey mapping and management",
          name_fa: "نقشهبرداری و مدیریت سفر مشتریان",
          codes: 28,
        },
        {
          name: "Building a CX measurement and feedback framework",
          name_fa: "ایجاد چارچوب اندازهگیری تجربه مشتری و بازخورد",
          codes: 17,
        },
        {
          name: "Delivering the customer experience",
          name_fa: "اجرای تجربه مشتری",
          codes: 27,
        },
        {
          name: "Designing the customer experience",
          name_fa: "طراحی تجربه مشتری",
          codes: 51,
        },
      ],
    },
    {
      id: "INF",
      name: "Customer experience-driven infrastructure, mechanization and technology management",
      name_fa: "زیرساخت، مکانیزاسیون و مدیریت تکنولوژی تجربه محور",
      layer: "L3",
      rank: 7,
      codes: 73,
      subcomponents: [
        {
          name: "Integrating infrastructure, information and tools in line with business maturity",
          name_fa: "یکپارچگی زیرساخت، اطلاعات و ابزار منطبق با بلوغ کسب و کار",
          codes: 20,
        },
        {
          name: "Technology tools and infrastructure for better decisions at the edge",
          name_fa: "توسعه ابزارهای فناورانه و زیرساخت برای بهبود تصمیم سازی در لبه",
          codes: 34,
        },
        {
          name: "Developing process mechanization",
          name_fa: "توسعه مکانیزاسیون فرایندها",
          codes: 19,
        },
      ],
    },
    {
      id: "INT",
      name: "Customer interaction management and organizing",
      name_fa: "سازماندهی و مدیریت تعامل با مشتری",
      layer: "L4",
      rank: 10,
      codes: 40,
      subcomponents: [
        {
          name: "Digitalising channels and using technology according to maturity level",
          name_fa: "دیجیتالی سازی کانالها و استفاده از تکنولوژی مبتنی بر سطح بلوغ",
          codes: 24,
        },
        {
          name: "Orchestrating channels by their role in customer interaction",
          name_fa: "مدیریت موزون سازی کانالها مبتنی بر نقش آنها در تعامل با مشتری",
          codes: 16,
        },
      ],
    },
    {
      id: "EMP",
      name: "Customer experience-driven employees",
      name_fa: "کارکنان تجربه مشتری محور",
      layer: "L4",
      rank: 1,
      codes: 201,
      subcomponents: [
        {
          name: "Training and developing experience-oriented workforce skills and capabilities",
          name_fa: "آموزش و توسعه مهارتها و توانمندیهای نیروی انسانی تجربه محور",
          codes: 72,
        },
        {
          name: "Recruiting and using specialist staff as drivers of CXM",
          name_fa: "جذب و بهره برداری از نیروی انسانی متخصص بهعنوان محرک مدیریت تجربه مشتری",
          codes: 56,
        },
        {
          name: "Implementing employee experience management",
          name_fa: "پیاده سازی مدیریت تجربه کارکنان",
          codes: 28,
        },
        {
          name: "Redefining experience-oriented HR management processes",
          name_fa: "بازتعریف فرایندهای مدیریت منابع انسانی تجربه محور",
          codes: 24,
        },
        {
          name: "Redesigning experience-oriented incentives and performance appraisal",
          name_fa: "بازطراحی سازوکار انگیزشی و ارزیابی عملکرد تجربه محور",
          codes: 21,
        },
      ],
    },
    {
      id: "INS",
      name: "Customer experience insights management",
      name_fa: "مدیریت بینش تجربه مشتری",
      layer: "L4",
      rank: 9,
      codes: 49,
      subcomponents: [
        {
          name: "Data-driven customer experience development",
          name_fa: "توسعه تجربه مشتری داده محور",
          codes: 37,
        },
        {
          name: "Establishing customer experience knowledge",
          name_fa: "استقرار دانش تجربه مشتری",
          codes: 12,
        },
      ],
    },
  ],
  layers: [
    {
      id: "L1",
      name: "Leadership and Culture",
      name_fa: "رهبری و فرهنگ",
      role: "outermost layer; the driver of implementation",
      components: ["LEAD", "CUL"],
    },
    {
      id: "L2",
      name: "Organizing and Governance",
      name_fa: "سازماندهی و حکمرانی",
      role: "the operational lever (arms) of implementation",
      components: ["GOV", "STR", "BPM"],
    },
    {
      id: "L3",
      name: "Customer Experience Process and Infrastructure",
      name_fa: "فرایند تجربه مشتری و زیرساخت",
      role: "where the experience is designed, implemented and measured on the required infrastructure and technology",
      components: ["PRC", "INF"],
    },
    {
      id: "L4",
      name: "Data and Touchpoints",
      name_fa: "داده و نقاط تماس",
      role: "innermost layer; where the customer interacts with the organisation and data and experience are created",
      components: ["INT", "EMP", "INS"],
    },
  ],
};
