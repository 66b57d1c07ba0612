<?php
// snipgen verify: a stand-in for PEAR HTTP_Request2, which no registry reachable here ships.
// It has the surface snipgen's PHP samples use and sends the request they describe over a
// plain socket, so the echo server can compare it. It is not the real client: results
// that pass through it are reported CHECKED, never PASS.

class HTTP_Request2_Exception extends Exception {}

class HTTP_Request2_Response
{
    private $status;
    private $reason;
    private $body;

    public function __construct($status, $reason, $body)
    {
        $this->status = $status;
        $this->reason = $reason;
        $this->body = $body;
    }
    public function getStatus() { return $this->status; }
    public function getReasonPhrase() { return $this->reason; }
    public function getBody() { return $this->body; }
}

class HTTP_Request2
{
    const METHOD_OPTIONS = 'OPTIONS';
    const METHOD_GET = 'GET';
    const METHOD_HEAD = 'HEAD';
    const METHOD_POST = 'POST';
    const METHOD_PUT = 'PUT';
    const METHOD_DELETE = 'DELETE';
    const METHOD_TRACE = 'TRACE';
    const METHOD_CONNECT = 'CONNECT';
    const AUTH_BASIC = 'basic';
    const AUTH_DIGEST = 'digest';

    private $url = null;
    private $method = self::METHOD_GET;
    private $config = array();
    private $headers = array();
    private $postParams = array();
    private $uploads = array();
    private $body = null;

    public function __construct($url = null, $method = self::METHOD_GET, array $config = array())
    {
        if ($url !== null) { $this->setUrl($url); }
        $this->setMethod($method);
        $this->setConfig($config);
    }

    public function setUrl($url)
    {
        if (!is_string($url) || parse_url($url) === false) {
            throw new HTTP_Request2_Exception('Invalid URL: ' . var_export($url, true));
        }
        $this->url = $url;
        return $this;
    }

    public function setMethod($method)
    {
        if (!is_string($method) || !preg_match('/^[!#$%&\'*+\-.^_`|~0-9A-Za-z]+$/', $method)) {
            throw new HTTP_Request2_Exception('Invalid request method: ' . var_export($method, true));
        }
        $this->method = $method;
        return $this;
    }

    public function setConfig($nameOrConfig, $value = null)
    {
        if (is_array($nameOrConfig)) {
            foreach ($nameOrConfig as $k => $v) { $this->config[$k] = $v; }
        } else {
            $this->config[$nameOrConfig] = $value;
        }
        return $this;
    }

    // Like the real client: an array sets several headers; `name: value` strings are split.
    public function setHeader($name, $value = null, $replace = true)
    {
        if (is_array($name)) {
            foreach ($name as $k => $v) {
                if (is_string($k)) { $this->setHeader($k, $v, $replace); } else { $this->setHeader($v); }
            }
            return $this;
        }
        if ($value === null && strpos($name, ':') !== false) {
            list($name, $value) = array_map('trim', explode(':', $name, 2));
        }
        if (!preg_match('/^[!#$%&\'*+\-.^_`|~0-9A-Za-z]+$/', $name)) {
            throw new HTTP_Request2_Exception("Invalid header name '$name'");
        }
        if (!is_string($value) || preg_match("/[\r\n\0]/", $value)) {
            throw new HTTP_Request2_Exception("Invalid header value for '$name'");
        }
        $key = strtolower($name);
        if ($replace || !isset($this->headers[$key])) {
            $this->headers[$key] = array($name, $value);
        } else {
            $this->headers[$key][1] .= ', ' . $value;
        }
        return $this;
    }

    public function setAuth($user, $password = '', $scheme = self::AUTH_BASIC)
    {
        if ($scheme !== self::AUTH_BASIC) {
            throw new HTTP_Request2_Exception('stub: only basic auth is supported');
        }
        $this->headers['authorization'] = array('Authorization', 'Basic ' . base64_encode($user . ':' . $password));
        return $this;
    }

    public function addPostParameter($name, $value = null)
    {
        if (is_array($name)) {
            foreach ($name as $k => $v) { $this->postParams[] = array((string) $k, $v); }
        } else {
            $this->postParams[] = array((string) $name, $value);
        }
        return $this;
    }

    public function addUpload($fieldName, $filename, $sendFilename = null, $contentType = null)
    {
        if (!is_readable($filename)) {
            throw new HTTP_Request2_Exception("File '$filename' is not readable");
        }
        $this->uploads[] = array(
            $fieldName,
            file_get_contents($filename),
            $sendFilename === null ? basename($filename) : $sendFilename,
            $contentType === null ? 'application/octet-stream' : $contentType,
        );
        return $this;
    }

    public function setBody($body, $isFilename = false)
    {
        $this->body = $isFilename ? file_get_contents($body) : (string) $body;
        return $this;
    }

    private function encodedParams()
    {
        $pairs = array();
        foreach ($this->postParams as $p) {
            if (!is_scalar($p[1])) {
                throw new HTTP_Request2_Exception('stub: only scalar post parameters are supported');
            }
            $pairs[] = rawurlencode($p[0]) . '=' . rawurlencode((string) $p[1]);
        }
        return implode('&', $pairs);
    }

    private function buildBody(&$contentType)
    {
        if ($this->body !== null) { return $this->body; }
        if ($this->uploads) {
            $boundary = '--------------------------snipgenstub' . bin2hex(random_bytes(6));
            $contentType = 'multipart/form-data; boundary=' . $boundary;
            $out = '';
            foreach ($this->postParams as $p) {
                $out .= "--$boundary\r\nContent-Disposition: form-data; name=\"{$p[0]}\"\r\n\r\n{$p[1]}\r\n";
            }
            foreach ($this->uploads as $u) {
                $out .= "--$boundary\r\nContent-Disposition: form-data; name=\"{$u[0]}\"; filename=\"{$u[2]}\"\r\n"
                    . "Content-Type: {$u[3]}\r\n\r\n{$u[1]}\r\n";
            }
            return $out . "--$boundary--\r\n";
        }
        if ($this->postParams) {
            $contentType = 'application/x-www-form-urlencoded';
            return $this->encodedParams();
        }
        return '';
    }

    public function send()
    {
        if ($this->url === null) { throw new HTTP_Request2_Exception('No URL given'); }
        $u = parse_url($this->url);
        if (($u['scheme'] ?? '') !== 'http') {
            throw new HTTP_Request2_Exception('stub: only http:// URLs (the verify server) are supported');
        }
        $host = $u['host'];
        $port = $u['port'] ?? 80;
        $target = ($u['path'] ?? '/') . (isset($u['query']) ? '?' . $u['query'] : '');
        $contentType = null;
        $body = $this->buildBody($contentType);
        $lines = array("{$this->method} $target HTTP/1.1", "Host: $host:$port", 'Connection: close');
        $hasType = isset($this->headers['content-type']);
        foreach ($this->headers as $h) { $lines[] = "{$h[0]}: {$h[1]}"; }
        if (!$hasType && $contentType !== null) { $lines[] = "Content-Type: $contentType"; }
        if ($body !== '' || in_array($this->method, array('POST', 'PUT', 'PATCH'), true)) {
            $lines[] = 'Content-Length: ' . strlen($body);
        }
        $socket = @fsockopen($host, $port, $errno, $errstr, 30);
        if (!$socket) { throw new HTTP_Request2_Exception("Unable to connect: $errstr"); }
        fwrite($socket, implode("\r\n", $lines) . "\r\n\r\n" . $body);
        $response = stream_get_contents($socket);
        fclose($socket);
        $split = strpos($response, "\r\n\r\n");
        if ($split === false || !preg_match('#^HTTP/\d\.\d (\d{3}) ?([^\r\n]*)#', $response, $m)) {
            throw new HTTP_Request2_Exception('Malformed response');
        }
        return new HTTP_Request2_Response((int) $m[1], $m[2], substr($response, $split + 4));
    }
}
