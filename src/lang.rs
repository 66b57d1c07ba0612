//! The language registry: one row per language, in the docs page's tab order. Adding a client
//! is adding its template under `templates/<lang>/<client>.tera` and a row here.

/// One way of writing a request in a language (a library or tool).
#[derive(Debug)]
pub struct Client {
    pub id: &'static str,
    pub label: &'static str,
    /// The built-in template, embedded at compile time.
    pub template: &'static str,
    /// The sample is a message's bytes (raw HTTP), written exactly as rendered: no final
    /// newline is added after it, since that would be a byte of the body.
    pub verbatim: bool,
}

#[derive(Debug)]
pub struct Language {
    pub id: &'static str,
    pub label: &'static str,
    pub extension: &'static str,
    /// One level of indentation, as the language's community writes it.
    pub indent: &'static str,
    /// The first client is the default.
    pub clients: &'static [Client],
}

impl Language {
    pub fn default_client(&self) -> &'static Client {
        &self.clients[0]
    }

    pub fn client(&self, id: &str) -> Option<&'static Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    pub fn template_name(&self, client: &Client) -> String {
        format!("{}/{}.tera", self.id, client.id)
    }
}

macro_rules! client {
    ($lang:literal, $id:literal, $label:literal) => {
        Client {
            id: $id,
            label: $label,
            template: include_str!(concat!("../templates/", $lang, "/", $id, ".tera")),
            verbatim: false,
        }
    };
    ($lang:literal, $id:literal, $label:literal, verbatim) => {
        Client { verbatim: true, ..client!($lang, $id, $label) }
    };
}

const TWO_SPACES: &str = "  ";

pub static LANGUAGES: &[Language] = &[
    Language {
        id: "curl",
        label: "cURL",
        extension: "sh",
        indent: TWO_SPACES,
        clients: &[client!("curl", "curl", "curl")],
    },
    Language {
        id: "csharp",
        label: "C#",
        extension: "cs",
        indent: TWO_SPACES,
        clients: &[
            client!("csharp", "restsharp", "RestSharp"),
            client!("csharp", "httpclient", "HttpClient"),
        ],
    },
    Language {
        id: "go",
        label: "Go",
        extension: "go",
        indent: "\t",
        clients: &[client!("go", "native", "net/http")],
    },
    Language {
        id: "http",
        label: "HTTP",
        extension: "txt",
        indent: TWO_SPACES,
        clients: &[client!("http", "http1", "HTTP/1.1", verbatim)],
    },
    Language {
        id: "java",
        label: "Java",
        extension: "java",
        indent: TWO_SPACES,
        clients: &[
            client!("java", "okhttp", "OkHttp"),
            // Alternative clients (issue 12), each verified by running it.
            client!("java", "httpclient", "HttpClient (java.net.http)"),
        ],
    },
    Language {
        id: "jquery",
        label: "jQuery",
        extension: "js",
        indent: TWO_SPACES,
        clients: &[client!("jquery", "ajax", "$.ajax")],
    },
    Language {
        id: "nodejs",
        label: "NodeJS",
        extension: "js",
        indent: TWO_SPACES,
        clients: &[
            client!("nodejs", "request", "request"),
            // Alternative clients (issue 12), each verified by running it.
            client!("nodejs", "fetch", "fetch"),
        ],
    },
    Language {
        id: "python",
        label: "Python",
        extension: "py",
        indent: TWO_SPACES,
        clients: &[
            client!("python", "requests", "requests"),
            // Alternative clients (issue 12), each verified by running it.
            client!("python", "httpx", "HTTPX"),
        ],
    },
    Language {
        id: "php",
        label: "PHP",
        extension: "php",
        indent: TWO_SPACES,
        clients: &[
            client!("php", "http_request2", "HTTP_Request2"),
            client!("php", "curl", "cURL"),
            // Alternative clients (issue 12), each verified by running it.
            client!("php", "guzzle", "Guzzle"),
        ],
    },
    Language {
        id: "ruby",
        label: "Ruby",
        extension: "rb",
        indent: TWO_SPACES,
        clients: &[
            client!("ruby", "net_http", "Net::HTTP"),
            // Alternative clients (issue 12), each verified by running it.
            client!("ruby", "faraday", "Faraday"),
        ],
    },
    Language {
        id: "swift",
        label: "Swift",
        extension: "swift",
        indent: TWO_SPACES,
        clients: &[client!("swift", "urlsession", "URLSession")],
    },
];

pub fn find(id: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.id == id)
}

/// A language with the client chosen for it.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub language: &'static Language,
    pub client: &'static Client,
}

/// Parses `--lang` values: comma-separated `lang` or `lang:client`; empty means all defaults.
pub fn parse_targets(specs: &[String]) -> Result<Vec<Target>, String> {
    if specs.is_empty() {
        return Ok(LANGUAGES.iter().map(|l| Target { language: l, client: l.default_client() }).collect());
    }
    let mut targets: Vec<Target> = Vec::new();
    for item in specs.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let (lang_id, client_id) = match item.split_once(':') {
            Some((l, c)) => (l, Some(c)),
            None => (item, None),
        };
        let language = find(lang_id).ok_or_else(|| {
            let ids: Vec<&str> = LANGUAGES.iter().map(|l| l.id).collect();
            format!(
                "unknown language `{lang_id}`, expected one of {}{}",
                ids.join(", "),
                crate::spec::did_you_mean(lang_id, ids.iter().copied())
            )
        })?;
        let client = match client_id {
            None => language.default_client(),
            Some(c) => language.client(c).ok_or_else(|| {
                let ids: Vec<&str> = language.clients.iter().map(|c| c.id).collect();
                format!("unknown client `{c}` for {lang_id}, expected one of {}", ids.join(", "))
            })?,
        };
        if targets.iter().any(|t| t.language.id == language.id && t.client.id == client.id) {
            return Err(format!("`{lang_id}:{}` is selected twice", client.id));
        }
        targets.push(Target { language, client });
    }
    // Tab order, whatever order the user typed; a language's clients in registry order.
    targets.sort_by_key(|t| {
        let language = LANGUAGES.iter().position(|l| l.id == t.language.id);
        (language, t.language.clients.iter().position(|c| c.id == t.client.id))
    });
    Ok(targets)
}

impl Target {
    /// The sample's file name: `<lang>.<ext>`, or `<lang>-<client>.<ext>` for a client that
    /// is not the default when several clients of the language are rendered.
    pub fn file_name(&self, all: &[Target]) -> String {
        let siblings = all.iter().filter(|t| t.language.id == self.language.id).count();
        let default = self.client.id == self.language.default_client().id;
        if siblings > 1 && !default {
            format!("{}-{}.{}", self.language.id, self.client.id, self.language.extension)
        } else {
            format!("{}.{}", self.language.id, self.language.extension)
        }
    }
}
