package org.expodesk.bench.customers;

import java.util.Random;

/** The vocabulary of {@link CustomerData}: places, trade names, industries, names, titles. */
final class Words {

    private Words() {
    }

    record Place(String province, String city, String cityPinyin, String provincePinyin, String areaCode,
                 String regionCode) {
    }

    record Industry(String zh, String en, String de) {
    }

    record Syllable(String han, String pinyin) {
    }

    record Country(String code, String tld, String language, String dialCode, String[] legalForms, String[] cities,
                   String[] surnames, String[] givenNames) {
    }

    static final Place[] CN_PLACES = {
        new Place("广东", "深圳", "Shenzhen", "Guangdong", "755", "440300"),
        new Place("广东", "广州", "Guangzhou", "Guangdong", "20", "440100"),
        new Place("广东", "东莞", "Dongguan", "Guangdong", "769", "441900"),
        new Place("广东", "佛山", "Foshan", "Guangdong", "757", "440600"),
        new Place("广东", "中山", "Zhongshan", "Guangdong", "760", "442000"),
        new Place("浙江", "杭州", "Hangzhou", "Zhejiang", "571", "330100"),
        new Place("浙江", "宁波", "Ningbo", "Zhejiang", "574", "330200"),
        new Place("浙江", "温州", "Wenzhou", "Zhejiang", "577", "330300"),
        new Place("浙江", "义乌", "Yiwu", "Zhejiang", "579", "330782"),
        new Place("江苏", "苏州", "Suzhou", "Jiangsu", "512", "320500"),
        new Place("江苏", "南京", "Nanjing", "Jiangsu", "25", "320100"),
        new Place("江苏", "无锡", "Wuxi", "Jiangsu", "510", "320200"),
        new Place("江苏", "常州", "Changzhou", "Jiangsu", "519", "320400"),
        new Place("山东", "青岛", "Qingdao", "Shandong", "532", "370200"),
        new Place("山东", "济南", "Jinan", "Shandong", "531", "370100"),
        new Place("福建", "厦门", "Xiamen", "Fujian", "592", "350200"),
        new Place("福建", "泉州", "Quanzhou", "Fujian", "595", "350500"),
        new Place("河北", "石家庄", "Shijiazhuang", "Hebei", "311", "130100"),
        new Place("河南", "郑州", "Zhengzhou", "Henan", "371", "410100"),
        new Place("湖北", "武汉", "Wuhan", "Hubei", "27", "420100"),
        new Place("湖南", "长沙", "Changsha", "Hunan", "731", "430100"),
        new Place("四川", "成都", "Chengdu", "Sichuan", "28", "510100"),
        new Place("陕西", "西安", "Xi'an", "Shaanxi", "29", "610100"),
        new Place("辽宁", "大连", "Dalian", "Liaoning", "411", "210200"),
        new Place("辽宁", "沈阳", "Shenyang", "Liaoning", "24", "210100"),
        new Place("安徽", "合肥", "Hefei", "Anhui", "551", "340100"),
        new Place("江西", "南昌", "Nanchang", "Jiangxi", "791", "360100"),
        new Place("上海", "上海", "Shanghai", "Shanghai", "21", "310000"),
        new Place("北京", "北京", "Beijing", "Beijing", "10", "110000"),
        new Place("天津", "天津", "Tianjin", "Tianjin", "22", "120000"),
        new Place("重庆", "重庆", "Chongqing", "Chongqing", "23", "500000"),
    };

    /** Characters of trade names (字号), with their pinyin. */
    static final Syllable[] TRADE = syllables(
            "华Hua 强Qiang 新Xin 宏Hong 伟Wei 盛Sheng 达Da 鑫Xin 源Yuan 兴Xing 隆Long 泰Tai 恒Heng 丰Feng 瑞Rui 祥Xiang "
            + "金Jin 银Yin 光Guang 明Ming 辉Hui 嘉Jia 信Xin 诚Cheng 德De 美Mei 佳Jia 康Kang 安An 宁Ning 海Hai 天Tian "
            + "宇Yu 星Xing 东Dong 南Nan 中Zhong 远Yuan 大Da 通Tong 汇Hui 聚Ju 成Cheng 创Chuang 博Bo 凯Kai 威Wei 雅Ya "
            + "锦Jin 富Fu 荣Rong 昌Chang 永Yong 久Jiu 立Li 方Fang 正Zheng 和He 合He 力Li 腾Teng 飞Fei 龙Long 凤Feng "
            + "鹏Peng 振Zhen 启Qi 帆Fan 捷Jie 卓Zhuo 越Yue 优You 品Pin 联Lian 晶Jing 科Ke 智Zhi 益Yi 顺Shun 利Li");

    static final Syllable[] SURNAMES = syllables(
            "王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 黄Huang 赵Zhao 吴Wu 周Zhou 徐Xu 孙Sun 马Ma 朱Zhu 胡Hu 郭Guo "
            + "何He 高Gao 林Lin 罗Luo 郑Zheng 梁Liang 谢Xie 宋Song 唐Tang 许Xu 韩Han 冯Feng 邓Deng 曹Cao 彭Peng 曾Zeng "
            + "肖Xiao 田Tian 董Dong 袁Yuan 潘Pan 于Yu 蒋Jiang 蔡Cai 余Yu 杜Du 叶Ye 程Cheng 苏Su 魏Wei 吕Lv 丁Ding");

    static final Syllable[] GIVEN = syllables(
            "伟Wei 芳Fang 娜Na 敏Min 静Jing 丽Li 强Qiang 磊Lei 军Jun 洋Yang 勇Yong 艳Yan 杰Jie 娟Juan 涛Tao 明Ming "
            + "超Chao 秀Xiu 霞Xia 平Ping 刚Gang 桂Gui 英Ying 华Hua 玉Yu 兰Lan 红Hong 建Jian 国Guo 文Wen 辉Hui 鹏Peng "
            + "晓Xiao 小Xiao 海Hai 燕Yan 萍Ping 宁Ning 梅Mei 琳Lin 雪Xue 婷Ting 欣Xin 怡Yi 佳Jia 浩Hao 宇Yu 轩Xuan "
            + "子Zi 涵Han 博Bo 然Ran 睿Rui 思Si 雨Yu 晨Chen 俊Jun 凯Kai 志Zhi 斌Bin 峰Feng 亮Liang 东Dong 春Chun");

    static final Industry[] INDUSTRIES = {
        new Industry("电子", "Electronics", "Elektronik"), new Industry("科技", "Technology", "Technik"),
        new Industry("机械", "Machinery", "Maschinenbau"), new Industry("纺织", "Textiles", "Textil"),
        new Industry("家具", "Furniture", "Möbel"), new Industry("照明", "Lighting", "Leuchten"),
        new Industry("五金", "Hardware", "Eisenwaren"), new Industry("塑胶", "Plastics", "Kunststoff"),
        new Industry("包装", "Packaging", "Verpackung"), new Industry("化工", "Chemicals", "Chemie"),
        new Industry("医疗器械", "Medical Devices", "Medizintechnik"), new Industry("新能源", "New Energy", "Energie"),
        new Industry("汽车配件", "Auto Parts", "Autoteile"), new Industry("服饰", "Apparel", "Bekleidung"),
        new Industry("食品", "Food", "Lebensmittel"), new Industry("陶瓷", "Ceramics", "Keramik"),
        new Industry("玩具", "Toys", "Spielwaren"), new Industry("贸易", "Trading", "Handel"),
        new Industry("光电", "Optoelectronics", "Optoelektronik"), new Industry("建材", "Building Materials", "Baustoffe"),
        new Industry("印刷", "Printing", "Druck"), new Industry("仪器", "Instruments", "Messtechnik"),
    };

    static final String[] CN_BRANCH_WORDS = {"贸易", "进出口", "实业", "科技", "国际贸易", "电子商务", "投资"};
    static final String[] LATIN_BRANCH_WORDS = {"Holding", "International", "Trading", "Services", "Logistics"};
    static final String[] LATIN_STEMS = {"Nord", "Alpen", "Rhein", "Atlas", "Vertex", "Blue", "Global", "Pacific",
        "Star", "Sun", "Euro", "Inter", "Prime", "Nova", "Terra", "Aqua", "Silver", "Golden", "Oak", "Iron", "Lumen",
        "Orion", "Delta", "Alpha", "Omega", "Helio", "Crystal", "Falcon", "Eagle", "Summit", "Harbor", "Metro"};
    static final String[] LATIN_SUFFIXES = {"", "tech", "line", "star", "tronic", "form", "works", "light", "flex",
        "mark", "point", "wave", "vision", "trade"};
    static final String[] ROLE_MAILBOXES = {"info", "sales", "contact", "office", "export", "hello"};
    static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "gmx.de", "web.de",
        "icloud.com"};
    static final String[] CN_FREE_MAIL = {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "aliyun.com"};
    static final String[] TITLES_ZH = {"总经理", "副总经理", "销售经理", "采购经理", "市场总监", "外贸业务员", "技术总监",
        "董事长", "财务主管", "行政助理", "产品经理", "区域经理"};
    static final String[] TITLES_EN = {"CEO", "Managing Director", "Sales Manager", "Purchasing Manager",
        "Head of Marketing", "Export Manager", "CTO", "Buyer", "Key Account Manager", "Product Manager",
        "Geschäftsführer", "Directeur commercial"};

    static final Country[] COUNTRIES = {
        new Country("DE", "de", "de", "49", new String[] {"GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."},
                new String[] {"München", "Berlin", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf"},
                new String[] {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf"},
                new String[] {"Thomas", "Michael", "Andreas", "Stefan", "Julia", "Anna", "Katharina", "Sabine",
                    "Jürgen", "Lukas", "Laura", "Felix"}),
        new Country("FR", "fr", "fr", "33", new String[] {"SARL", "S.A.", "SAS", "S.A.S."},
                new String[] {"Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes"},
                new String[] {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                    "Leroy", "Moreau", "Lefèvre", "Girard"},
                new String[] {"Jean", "Marie", "Pierre", "Sophie", "Camille", "Hélène", "François", "Élodie",
                    "Nicolas", "Julien"}),
        new Country("GB", "co.uk", "en-GB", "44", new String[] {"Ltd", "Ltd.", "Limited", "PLC", "LLP"},
                new String[] {"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"},
                new String[] {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
                    "Evans", "Thomas", "Roberts", "Walker"},
                new String[] {"Oliver", "George", "Harry", "Emily", "Charlotte", "James", "Sophie", "Jack",
                    "Amelia", "William"}),
        new Country("US", "com", "en-US", "1", new String[] {"Inc.", "Inc", "LLC", "Corp.", "Corporation", "Co."},
                new String[] {"New York", "Chicago", "Los Angeles", "Houston", "Atlanta", "Seattle", "Boston"},
                new String[] {"Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Taylor", "Moore",
                    "Jackson", "White", "Harris", "Clark"},
                new String[] {"John", "Robert", "Michael", "Jennifer", "Linda", "David", "Sarah", "Jessica",
                    "Daniel", "Ashley"}),
        new Country("IT", "it", "it", "39", new String[] {"S.p.A.", "S.r.l.", "Srl", "S.n.c."},
                new String[] {"Milano", "Roma", "Torino", "Bologna", "Firenze", "Napoli"},
                new String[] {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                    "Marino", "Greco"},
                new String[] {"Marco", "Giuseppe", "Francesca", "Giulia", "Alessandro", "Chiara", "Luca", "Sara"}),
        new Country("ES", "es", "es", "34", new String[] {"S.L.", "S.A.", "SL", "S.L.U."},
                new String[] {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"},
                new String[] {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
                    "Pérez", "Gómez", "Ruiz"},
                new String[] {"José", "Antonio", "María", "Carmen", "Javier", "Lucía", "David", "Elena"}),
        new Country("NL", "nl", "nl", "31", new String[] {"B.V.", "BV", "N.V."},
                new String[] {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"},
                new String[] {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser",
                    "Smit", "Meijer", "de Boer"},
                new String[] {"Daan", "Sem", "Emma", "Julia", "Lars", "Sanne", "Thijs", "Lotte"}),
        new Country("JP", "co.jp", "ja", "81", new String[] {"Co., Ltd.", "K.K.", "Inc.", "Corporation"},
                new String[] {"Tokyo", "Osaka", "Nagoya", "Yokohama", "Kobe"},
                new String[] {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
                    "Kobayashi", "Kato"},
                new String[] {"Hiroshi", "Takashi", "Yuki", "Akira", "Naoko", "Kenji", "Yoko", "Haruto"}),
        new Country("KR", "co.kr", "ko", "82", new String[] {"Co., Ltd.", "Corp.", "Inc."},
                new String[] {"Seoul", "Busan", "Incheon", "Daegu"},
                new String[] {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"},
                new String[] {"Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Ji-woo"}),
        new Country("IN", "in", "en-IN", "91", new String[] {"Pvt. Ltd.", "Private Limited", "Ltd."},
                new String[] {"Mumbai", "Delhi", "Bengaluru", "Chennai", "Pune", "Ahmedabad"},
                new String[] {"Sharma", "Patel", "Singh", "Kumar", "Gupta", "Shah", "Mehta", "Reddy"},
                new String[] {"Rahul", "Priya", "Amit", "Anjali", "Vikram", "Neha", "Arjun", "Pooja"}),
        new Country("BR", "com.br", "pt-BR", "55", new String[] {"Ltda.", "S.A.", "Ltda"},
                new String[] {"São Paulo", "Rio de Janeiro", "Curitiba", "Porto Alegre"},
                new String[] {"Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Almeida"},
                new String[] {"João", "Ana", "Pedro", "Mariana", "Lucas", "Beatriz", "Gabriel", "Fernanda"}),
        new Country("TR", "com.tr", "tr", "90", new String[] {"A.Ş.", "Ltd. Şti."},
                new String[] {"İstanbul", "Ankara", "İzmir", "Bursa"},
                new String[] {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"},
                new String[] {"Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Zeynep", "Emre", "Elif"}),
    };

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Common surnames far more often than rare ones, as in life. */
    static Syllable surname(Random r) {
        double x = r.nextDouble();
        return SURNAMES[(int) (x * x * SURNAMES.length)];
    }

    /** Two trade-name characters, as indices into {@link #TRADE}, packed in one string "i,j". */
    static String tradeName(Random r) {
        int a = r.nextInt(TRADE.length);
        int b = r.nextInt(TRADE.length);
        if (b == a) {
            b = (b + 1) % TRADE.length;
        }
        return a + "," + b;
    }

    static String han(String trade) {
        String[] ij = trade.split(",");
        return TRADE[Integer.parseInt(ij[0])].han() + TRADE[Integer.parseInt(ij[1])].han();
    }

    static String pinyin(String trade) {
        String[] ij = trade.split(",");
        return TRADE[Integer.parseInt(ij[0])].pinyin() + TRADE[Integer.parseInt(ij[1])].pinyin().toLowerCase();
    }

    static String pinyinCity(Place place, boolean city) {
        return city ? place.cityPinyin() : place.provincePinyin();
    }

    static Place placeOf(String city) {
        for (Place p : CN_PLACES) {
            if (p.city().equals(city)) {
                return p;
            }
        }
        return CN_PLACES[0];
    }

    static Country countryOf(String code) {
        for (Country c : COUNTRIES) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return COUNTRIES[2];
    }

    static String digits(Random r, int count) {
        StringBuilder s = new StringBuilder();
        s.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < count; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    private static Syllable[] syllables(String list) {
        String[] items = list.split(" ");
        Syllable[] out = new Syllable[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = new Syllable(items[i].substring(0, 1), items[i].substring(1));
        }
        return out;
    }
}
