var settings = {
  "url": "https://api.acme.example/v2/orders/{{orderID}}",
  "method": "PATCH",
  "timeout": 0,
  "headers": {
    "Idempotency-Key": "{{idempotencyKey}}",
    "If-Match": "\"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/merge-patch+json"
  },
  "data": `{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
