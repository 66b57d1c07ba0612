<?php
require_once 'HTTP/Request2.php';
$request = new HTTP_Request2();
$request->setUrl('https://api.acme.example/v2/orders/{{orderID}}');
$request->setMethod('PATCH');
$request->setConfig(array(
  'follow_redirects' => TRUE
));
$request->setHeader(array(
  'Idempotency-Key' => '{{idempotencyKey}}',
  'If-Match' => '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
  'Authorization' => 'Bearer {{accessToken}}',
  'Content-Type' => 'application/merge-patch+json'
));
$request->setBody('{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}');
try {
  $response = $request->send();
  if ($response->getStatus() == 200) {
    echo $response->getBody();
  }
  else {
    echo 'Unexpected HTTP status: ' . $response->getStatus() . ' ' .
    $response->getReasonPhrase();
  }
}
catch(HTTP_Request2_Exception $e) {
  echo 'Error: ' . $e->getMessage();
}
